"""Microsoft Teams: renderers, parsers and wiring on the shared conversation (bot/handlers/chat.py).

Imports run one way: `cards` (pure Adaptive Cards) and `parse` (pure: activity → words, person,
button, form values) → `config` (the SDK's settings) → `notifier` (proactive sends, conversation
references) → `app` (routes, the aiohttp service, `serve`). `package` builds the Teams app
package and needs no SDK. The only package that imports the Agents SDK (`microsoft_agents.*`).
"""
