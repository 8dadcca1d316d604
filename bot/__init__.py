"""g40bot: the G40 Stedennetwerk's chatbot."""
