# Placard's own words in English. Quotes from the campaign are never here.
# Keys: <command>-<what>. Every key exists in ru.ftl and kk.ftl with the same variables.

## /language
language-title = Language
language-current = Language of this chat: { $name }.
language-not-set = Not chosen here yet.
language-choose = Choose the language of the bot's answers:
language-saved-title = Language saved
language-saved = The language of this chat is now { $name }.
language-unknown = Unknown language “{ $given }”. Choose en, ru or kk.
language-partial = Most of Placard's other answers are still in English; Russian and Kazakh are on their way.
