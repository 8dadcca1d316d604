"""Handlers: one per thing a user does. Platform-free; they take plain values and return Replies."""
