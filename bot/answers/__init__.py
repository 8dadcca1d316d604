"""The answer engine's parts: the words a question is read with (`lexicon`), the search over
all of the sheet's text (`search`), reading a question (`reading`) and building the reply
(`builders`). `bot.directory.Directory` puts them together. Pure: no I/O, no platform."""
