"""Persistence: the TinyDB storage, repositories, locking, backups and migrations."""
