"""One module per screen; modals in ``screens.modals``."""
