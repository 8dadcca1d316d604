"""Adapters: translate a chat platform's payloads to handler calls and Replies back."""
