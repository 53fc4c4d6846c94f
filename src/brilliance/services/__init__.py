"""Workflows over the store that the app and the command line share, with no Textual here.

A screen or a command asks a service to do something that reads or changes several records
(log a meeting, restore a backup, gather today's agenda); the service does it in one batch and
says what happened with values and exceptions, never by printing or notifying.
"""
