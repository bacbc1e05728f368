# Placard's own words in English. Quotes from the campaign are never here.
# Keys: <area>-<what>. Every key exists in ru.ftl and kk.ftl with the same
# variables (tests/unit/catalogs.test.ts). Terms as locales/GLOSSARY.md fixes them.
# Variables are filled by the code: numbers through NUMBER() for plurals,
# dates already written in the language.

## Shared: what several answers say
quoted-in-original = Demands, figures and statement texts are quoted in the original, word for word.

## The dispatcher: answers to what could not be run
dispatch-missing = { $option } is missing
dispatch-whole-number = { $option } must be a whole number
dispatch-whole-number-from = { $option } must be a whole number from { $min }
dispatch-bad-arguments = { $reason }. Usage:
dispatch-see = — see
dispatch-admins-only = Only admins of this chat can use { $command }.
dispatch-failed = Sorry, something went wrong on our side. Please try again in a moment.
dispatch-unknown = Unknown command { $command }.
dispatch-did-you-mean = Did you mean
dispatch-help-lists = lists every command.

## Command menus and help: command-<name> is its one-line description (≤ 100 characters, no full stop),
## command-<name>-usage its usage line, command-<name>-<option> an option (else option-<option>).
command-about = About this campaign and this bot
command-demands = The demands, quoted word for word, by statement, organisation or topic
command-demands-usage = /demands [statement | organisation | topic | topics] [page]
command-demands-filter = A statement id, an organisation, a topic, or “topics”
command-help = List the commands, or explain one
command-help-usage = /help [command]
command-help-command = A command to explain
command-language = Show or change the language of the bot’s answers here
command-language-usage = /language [en | ru | kk]
command-language-language = en, ru or kk
command-next = The next anniversary and how many days until it
command-settings = Show or change this chat’s reminder time and time zone
command-settings-usage = /settings [time HH:MM] [zone <time zone>]
command-signatories = Who signed the statements, by country, name or abbreviation
command-signatories-usage = /signatories [country | name | abbreviation] [page]
command-signatories-filter = A country, a name or an abbreviation
command-sources = Where each statement comes from, and where the sources disagree
command-sources-usage = /sources [statement] [page]
command-sources-statement = A statement id (see /statements)
command-start = Welcome and first steps
command-statement = One statement: summary, author, date, source, demands, and the full text
command-statement-usage = /statement <id> [text] [page]
command-statement-id = Statement id (see /statements)
command-statement-part = “text” for the full text, page by page
command-statements = List the statements this campaign is built from
command-statements-usage = /statements [page]
option-time = Local time of the reminders, HH:MM (24-hour)
option-zone = Time zone, e.g. Europe/Berlin
command-subscribe = Post anniversary reminders in this chat, at a local time and time zone you choose
command-subscribe-usage = /subscribe [HH:MM] [time zone]
command-subscribe-channel = Channel to post the reminders in (default: this one)
command-timeline = The events in order; one event’s details, figures and sources
command-timeline-usage = /timeline [event] [page]
command-timeline-event = An event id (see /timeline)
command-today = What happened on this day, in this chat’s time zone
command-unsubscribe = Stop the anniversary reminders in this chat
command-upcoming = This chat’s next anniversary reminders, with local date and time
option-page = Page number

## /language
language-title = Language
language-current = Language of this chat: { $name }.
language-not-set = Not chosen here yet.
language-choose = Choose the language of the bot's answers:
language-saved-title = Language saved
language-saved = The language of this chat is now { $name }.
language-unknown = Unknown language “{ $given }”. Choose en, ru or kk.

## Shared by several answers (src/present/present.ts)
author-not-named = author not named
author-coordinated-not-named = co-ordinated by { $coordinator }, author not named
date-undated = undated
date-undated-published = undated, published { $published }
figure-source = { $source }
figure-source-counted-later = { $source }, counted on a later day
figure-source-counted-by = { $source }, counted by { $day }
event-day-not-in-statements = { $day } (day not in the statements)
event-public-record = The date, { $day }, is public record; the statements do not give it.
# Short button names of the shipped campaign's topics (others show their label).
topic-prisoners = Prisoners
topic-unions = Trade unions
topic-troops = Troops out
topic-nationalisation = Nationalisation
topic-resignation = Resignations
topic-legalisation = Banned parties
topic-repression = End repression
topic-democracy = Democracy
topic-solidarity = Solidarity
topic-imperialism = Imperialism

## BEGIN content commands (/about /demands /signatories /statements /statement /sources, src/present/present.ts)
## END content commands

## BEGIN time commands (/start /help /timeline /today /next /upcoming /subscribe /settings /unsubscribe, posting checks, zones)
start-try = Try { $demands }, { $signatories }, { $timeline } or { $next }. { $help } lists every command.
start-demands = Demands
start-timeline = Timeline
start-next = Next anniversary
start-signatories = Signatories
start-sources = Sources
start-help = All commands
help-title = Commands
help-usage = Usage: { $usage }
help-optional = (optional)
help-admins-only = Only admins of a group can use it; in a private chat, you can.
help-admins-mark = (admins)
help-forgiving = Arguments are forgiving: case and accents do not matter.
help-no-command = No command { $command }.
help-no-command-guess = No command { $command }. Did you mean { $guess }?
## END time commands

## BEGIN reminders (src/present/reminder.ts, src/schedule)
## END reminders

## BEGIN adapters (buttons and notes the adapters add: paging, inline mode)
## END adapters
