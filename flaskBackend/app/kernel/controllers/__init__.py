"""Controllers: HTTP only. Parse, call one service method, serialise."""
