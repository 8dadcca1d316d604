"""The Slack adapter, on Bolt: renderers, parsers and wiring around the conversation core.

Imports run one way: `blocks` and `parse` (pure) → `context` (what listeners share) → one
module per feature with `register(app, ctx)` (`questions`, `candidacy`, `home`, `staff`) →
`app` (the Bolt app, the service, the server). `client` and `notifier` are the Web API parts
the clock uses too. Only this package imports slack_bolt / slack_sdk.
"""
