"""Tools for development and tests only; the app never imports them."""
