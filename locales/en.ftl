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

## Links to the campaign's site (when PUBLIC_URL is set)
web-link-about = The campaign on the web: { $site } — and its anniversaries in your calendar: { $calendar }.
web-link-calendar = subscribe
web-link-event = On the campaign's page: { $link }
web-link-statement = On the web: { $link }

## Why the bot may not post somewhere (posting-why-<kind>; the platform's own rights names stay as its settings show them)
posting-why-not-member = the bot is not a member of this chat: add it again
posting-why-may-not-send = the bot may not send messages in this chat
posting-why-members-muted = members may not send messages in this chat: allow it, or make the bot an administrator
posting-why-channel-admin = in a channel the bot must be an administrator allowed to post messages
posting-why-admins-only = only admins may send messages in this group: make the bot an admin, or let all members send
posting-why-blocked = the bot's account has blocked this group: its operator must unblock it
posting-why-missing-permissions = the bot is missing permissions in that channel
posting-why-channel-gone = that channel no longer exists, or the bot cannot see it
posting-why-encrypted = the room is end-to-end encrypted, and the bot does not post in encrypted rooms: use an unencrypted room
posting-why-power-level = the bot's power level in this room is too low to send messages

## BEGIN content commands (/about /demands /signatories /statements /statement /sources, src/present/present.ts)
# Words several content answers share
content-did-you-mean = Did you mean { $guesses }?
content-no-statement = No statement “{ $query }”.
content-author-not-named = not named in the source
content-label-author = Author:
content-label-coordinated = Co-ordinated by:
content-label-date = Date:
content-label-source = Source:
content-label-published-by = Published by:
content-label-address = Address:
content-label-published = Published:
content-label-signatories = Signatories:
content-label-cited-as = Cited as:
content-signatories-as-of = { $count } as of { $date }
content-button-read = Read: { $label }
content-button-sources = Sources
content-button-statements = Statements
content-button-all-statements = All statements
content-button-by-topic = By topic
# A country read from the organisation's name, not stated by the source.
country-from-name = { $country } (from its name)
# Pages (src/present/pages.ts), shared by every paged answer
pages-title = { $title } — page { $page } of { $pages }
pages-no-such-page = { $pages ->
    [one] There is { $pages } page
   *[other] There are { $pages } pages
  }; page { $page } does not exist.
# Autocomplete choices
choice-country = { $name } (country)
choice-topic = { $name } (topic)
choice-statement = { $name } (statement)
choice-organisation = { $name } (organisation)
# /about
about-built-from = Built from { $statements }, signed or written by { $organisations } ({ $signatories }), with { $events }.
about-statements = { $count ->
    [one] { $count } statement
   *[other] { $count } statements
  }
about-organisations = { $count ->
    [one] { $count } organisation
   *[other] { $count } organisations
  }
about-signatories = { $count ->
    [one] { $count } signatory
   *[other] { $count } signatories
  }
about-events = { $count ->
    [one] { $count } dated event
   *[other] { $count } dated events
  }
about-coordinated = { $count ->
    [one] One was
   *[other] { $count } were
  } co-ordinated by { $names }.
about-quoting = Demands are quoted word for word; every figure names its source; where the sources disagree, each figure is shown with its own. See { $sources }.
about-privacy = Placard is free software. It stores chat ids and chat settings only: no names, no user ids, no messages.
# /demands
demands-title = Demands — { $of }
demands-none-title = Demands
demands-none = No statement here makes demands.
demands-byline-quoted = demands of { $org }, as quoted in the { $label }
demands-byline-author = by { $org }
demands-byline-coordinated = co-ordinated by { $org }, author not named in the source
demands-byline-not-named = author not named in the source
demands-quoted-of = demands of { $org }, as quoted
demands-by-topic-title = Demands by topic
demands-topic-count = { $demands ->
    [one] { $demands } demand
   *[other] { $demands } demands
  } in { $statements ->
    [one] { $statements } statement
   *[other] { $statements } statements
  }
demands-topic-title = Demands on: { $topic }
demands-topic-none = No demand is tagged “{ $topic }” yet.
demands-not-found = No statement, organisation or topic called “{ $query }”.
demands-topics-hint = Topics: { $command }.
demands-org-none = { $names } made no demands of its own in these statements.
demands-org-signed = It signed: { $command }.
demands-button-full-statement = Full statement
demands-button-other-topics = Other topics
# /signatories
signatories-title = Signatories
signatories-none-listed = No statement here lists signatories.
signatories-signed = { $count ->
    [one] { $count } organisation signed.
   *[other] { $count } organisations signed.
  }
signatories-matching = { $count ->
    [one] { $count } signatory
   *[other] { $count } signatories
  } matching “{ $filter }”.
signatories-signed-what = Signed: { $statements }.
signatories-list-as-of = { $label } (list as of { $date })
signatories-matching-title = Signatories matching “{ $filter }”
signatories-none-from-country = No organisation from { $country } signed a statement here.
signatories-none-from-typed = No organisation from “{ $filter }” signed a statement here.
signatories-none-named = “{ $filter }” signed no statement here.
# "Sveriges Kommunistiska Parti (SKP) wrote one: SKP statement." Roles are joined with "; ".
signatories-mention = { $who } { $roles }.
signatories-wrote = { $count ->
    [one] wrote one
   *[other] wrote { $count } statements
  }: { $labels }
signatories-coordinated = { $count ->
    [one] co-ordinated one
   *[other] co-ordinated { $count } statements
  }: { $labels }
signatories-named-in = { $count ->
    [one] is named in one
   *[other] is named in { $count } statements
  }: { $labels }
signatories-no-country = No signatory is from “{ $filter }”.
signatories-no-match = No signatory matches “{ $filter }”.
signatories-every = Every signatory: { $command }.
signatories-button-all = All signatories
# /statements and /statement
statements-title = Statements
statement-demands = Demands
statement-demands-of = Demands (of { $org }, as quoted)
statement-full-text-title = { $title } — full text
statement-count-hint = { $count ->
    [one] { $count } statement
   *[other] { $count } statements
  }: { $command }.
statement-bad-part = The part to show is { $command } (the full text), or none.
statement-button-full-text = Full text
statement-button-where-from = Where it comes from
statement-button-summary = Summary and demands
# /sources
sources-title = Sources
sources-every-figure = Every figure names the statement it comes from.
sources-disagree = Where the sources disagree
sources-others-disagree = Where other sources give other figures
sources-every = Every source: { $command }.
sources-button-read = Read it
sources-button-all = All sources
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
# Shared by the time commands
time-sources = Sources: { $sources }
time-day-at = { $day }, { $time }
time-day-at-zone = { $day }, { $time } ({ $zone })
time-no-anniversaries = The timeline has no anniversaries to remember.
time-change = Change the time or zone: { $settings }.
timeline-button = Timeline
next-button = Next anniversary
# /timeline
timeline-title = Timeline
timeline-empty = The timeline has no events yet.
timeline-tap = Each event’s details, figures and sources are one tap away.
timeline-figures = Figures, each in its source’s words:
timeline-note = Note: { $note }
timeline-demands-button = Demands: { $topic }
timeline-unknown = No event “{ $query }”. Every event: { $all }.
timeline-unknown-guess = No event “{ $query }”. Did you mean { $guess }? Every event: { $all }.
# /today
today-title-none = Today, { $day } ({ $zone })
today-title = On this day, { $day } ({ $zone })
today-nothing = Nothing in the timeline happened on this day.
today-next = The next anniversary: { $next }.
today-heading-same = Today: { $title }
today-heading-years =
    { $years ->
        [one] { $years } year ago today
       *[other] { $years } years ago today
    }: { $title }
# /next
next-title-none = Next anniversary
next-title = Next anniversary: { $day }, { $days ->
        [0] today
        [1] tomorrow
        [one] in { $days } day
       *[other] in { $days } days
    }
next-reminder = Reminder in this chat: { $when }.
next-zone = Dates are in { $zone }.
next-anniversary =
    { NUMBER($years, type: "ordinal") ->
        [one] { $years }st
        [two] { $years }nd
        [few] { $years }rd
       *[other] { $years }th
    } anniversary: { $title } — { $date }
# /upcoming
upcoming-title = Upcoming reminders
upcoming-title-unsubscribed = Upcoming reminders (not subscribed)
upcoming-intro = This chat’s next reminders, { $zone } time:
upcoming-intro-unsubscribed = This chat is not subscribed. With { $subscribe }, it would get these, { $zone } time:
upcoming-anniversary =
    { NUMBER($years, type: "ordinal") ->
        [one] { $years }st
        [two] { $years }nd
        [few] { $years }rd
       *[other] { $years }th
    } anniversary: { $title }
upcoming-anniversary-day =
    { NUMBER($years, type: "ordinal") ->
        [one] { $years }st
        [two] { $years }nd
        [few] { $years }rd
       *[other] { $years }th
    } anniversary: { $title } ({ $day }: day not in the statements)
# /subscribe and /settings: reading a time and a zone
subscribe-bad-time = “{ $given }” is not a time of day. Use HH:MM on a 24-hour clock, e.g. { $example }.
subscribe-unknown-zone = Unknown time zone “{ $given }”.
zone-guess-1 = Did you mean { $a }?
zone-guess-2 = Did you mean { $a } or { $b }?
zone-guess-3 = Did you mean { $a } or { $b } or { $c }?
subscribe-zones-are = Time zones are IANA names such as { $berlin } or { $almaty }.
zone-name = { $zone }
zone-with-offset = { $zone } ({ $offset })
zone-read-as = “{ $typed }” → { $zone }.
zone-etc = { $zone } is { $offset } all year (Etc/ names write the sign reversed).
zone-offset-saved = { $offset } is saved as { $zone }: { $offset } all year, without daylight saving (Etc/ names write the sign reversed).
zone-offset-now = { $offset } is not a whole hour; these zones are at { $offset } now.
zone-offset-part = { $offset } is not a whole hour; these zones are at { $offset } for part of the year.
zone-offset-none = No time zone is at { $offset }.
zone-one-time = Give one reminder time
# /subscribe
subscribe-title-new = Subscribed to anniversary reminders
subscribe-title-updated = Reminders updated
subscribe-where-chat = This chat gets a reminder on each anniversary at { $time }, { $zone } time.
subscribe-where-channel = The chosen channel gets a reminder on each anniversary at { $time }, { $zone } time.
subscribe-next = The next: { $when } — { $title }.
subscribe-links = Coming reminders: { $upcoming }. Change the time or zone: { $settings }. Stop: { $unsubscribe }.
# /settings
settings-title = Settings of this chat
settings-saved = Settings saved
settings-zone = Time zone: { $zone } — it is { $now } there now.
settings-zone-default = Time zone: { $zone } (the campaign’s default) — it is { $now } there now.
settings-on = Reminders: on, at { $time } { $zone } time. Coming ones: { $upcoming }. Stop: { $unsubscribe }.
settings-off = Reminders: off. { $subscribe } posts them here at { $time } { $zone } time.
settings-change = Change them: { $time }, { $zone } or both.
settings-example-time = /settings time 08:30
settings-example-zone = /settings zone Europe/Berlin
# /unsubscribe
unsubscribe-not-title = Not subscribed
unsubscribe-not = This chat gets no reminders. To get them: { $subscribe }.
unsubscribe-title = Unsubscribed
unsubscribe-done = This chat gets no more anniversary reminders. To start again: { $subscribe }.
# Where the bot may not post reminders (/subscribe, /settings, /upcoming)
posting-flagged-lead = The last reminder could not be posted:
posting-flagged = { $lead } { $reason } (since { $since } UTC). Give the bot the right to post there; the next reminder tries again. Check now: { $subscribe }.
posting-checked-lead = But the bot may not post there now:
posting-checked = { $lead } { $reason }. Reminders will be posted once an admin gives the bot those rights.
posting-checked-missing = { $lead } { $reason }. Missing: { $missing }. Reminders will be posted once an admin gives the bot those rights.
## END time commands

## BEGIN reminders (src/present/reminder.ts, src/schedule)
reminder-title = { $years ->
    [one] { $years } year ago today: { $title }
   *[other] { $years } years ago today: { $title }
}
reminder-sources = Sources: { $sources }.
# Quotation marks around a quoted figure (the quote itself stays as published).
reminder-quote = “{ $quote }”
reminder-counted-by = { $source }, by { $day }
reminder-later-figures = { $count ->
    [1] A figure counted on a later day is under “{ $notes }”, with its source.
   *[other] Figures counted on later days are under “{ $notes }”, each with its source.
}
# The reminder's buttons (≤ 30 characters).
reminder-demands = The demands
reminder-notes = Notes and sources
reminder-web = The event on the campaign’s page
## END reminders

## BEGIN adapters (buttons and notes the adapters add: paging, inline mode)
# Paging buttons (each adapter adds its own arrows).
adapter-previous = Previous
adapter-next = Next
# Telegram: the notice for a button whose list or command is gone.
adapter-stale-list = This list has changed. Please send the command again.
# Discord: the answer to a button that no longer leads anywhere.
adapter-stale-button = This button has expired. Run the command again to get fresh buttons.
# Discord: the menu of the actions that do not fit as buttons.
adapter-more = More…
adapter-nothing = Nothing to show.
adapter-channel-in-dm = A channel can only be chosen when the command runs in a server. Run it in the server instead.
adapter-channel-elsewhere = Pick a channel of this server.
# The console (the operator's own chat).
console-welcome = Placard console — type { $help }, Ctrl-D to leave.
console-not-a-command = Commands look like { $help }.
console-page = page { $page } of { $pages }
console-previous = previous: { $command }
console-next = next: { $command }
## END adapters

## BEGIN web (the campaign's pages, calendars and feeds: src/site, adapters/web)
web-skip = Skip to the content
web-languages = Language
web-contents = On this page
web-back = ← { $campaign }
web-section-demands = Demands
web-section-signatories = Signatories
web-section-timeline = Timeline
web-section-sources = Sources
web-demands-intro = Each statement’s demands, quoted word for word in the order the statement gives them.
web-demands-by = The demands of { $organisation }, as this statement quotes them.
web-demands-source = Source: { $statement }
web-signatories-intro = { $count ->
    [one] One organisation signed.
   *[other] { $count } organisations signed.
} Countries are given as the statements write them; a country read from an organisation’s name says so.
web-signed = { $statement }: signed by { $count ->
    [one] one organisation
   *[other] { $count } organisations
}.
web-signed-as-of = { $statement }: signed by { $count ->
    [one] one organisation
   *[other] { $count } organisations
} (list as of { $date }).
web-country-from-name = country read from its name
web-country-not-stated = Country not stated in the source
web-timeline-intro = The events the statements report, in order. Every figure is shown with the statement it comes from; where the statements disagree, each figure is shown with its own source.
web-timeline-calendar = Every remembered event, each year, in your calendar app: { $calendar }
web-calendar-link = calendar of anniversaries
web-feed-link = news feed (Atom)
web-day-not-in-statements = { $day } (the day is not in the statements)
web-day-public-record = The date, { $day }, is public record; the statements do not give it.
web-figure-source = { $source }
web-figure-source-later = { $source }, counted on a later day
web-figure-source-by = { $source }, counted by { $day }
web-note = Note:
web-event-sources = Sources:
web-sources-intro = The statements this page is built from, by the short labels they are cited by, with what each text says of its author, its date and where it was published.
web-cited-as = Cited as:
web-author = Author:
web-author-not-named = not named in the source
web-coordinated-by = Co-ordinated by:
web-date = Date:
web-undated = undated
web-text-source = Where the text comes from:
web-publisher = Published by:
web-address = Address:
web-published = Published:
web-read-statement = Read the full text
web-disagreements = Where the sources disagree
web-disagreements-intro = Where the statements give different figures or no date, each is shown with its source; none is picked.
web-statement-about = About this statement
web-statement-text = Full text, as published
web-footer-quotes = Demands, figures and statement texts are quoted in the original, word for word; every figure names the statement it comes from.
web-footer-follow = Follow the campaign: { $calendar } · { $feed }
web-footer-made = Made with Placard, free software for campaigns. No scripts, no cookies, no tracking.
web-calendar-name = { $campaign }: anniversaries
web-calendar-summary = { $title } ({ $year })
web-calendar-sources = Sources: { $sources }
web-calendar-more = More: { $url }
web-feed-event = Anniversary: { $title } ({ $day })
## END web

## BEGIN signal adapter (adapters/signal: no buttons, so what can be done next is written as commands to type)
signal-action = → { $label }: { $command }
signal-page = Page { $page } of { $pages }
signal-page-previous = Previous page
signal-page-next = Next page
# Under an answer in a private chat that gets no reminders: what it set was deleted at once.
signal-not-kept = Not kept: in a private chat Placard stores your number and settings only while you get reminders ({ $subscribe }).
## END signal adapter

## BEGIN matrix adapter (adapters/matrix: page moves of a paged answer, as commands to type under it)
matrix-page-previous = Previous page
matrix-page-next = Next page
## END matrix adapter

## BEGIN discord events (/subscribe events: on Discord, the server's own scheduled events: src/commands, adapters/discord/scheduled-events*.ts)
command-subscribe-events = Also list the coming anniversaries in this server’s Events (the bot needs Create Events)
discord-events-on = Server events: the anniversaries of the next two months are listed in this server’s Events, starting at the reminder time, and kept up to date. The bot needs the { $permission } permission in this server for that (Server Settings → Roles). Turn off: { $off }.
discord-events-missing-lead = But the bot cannot list them now:
discord-events-missing = { $lead } it lacks the { $permission } permission in this server. Give it to the bot’s role in Server Settings → Roles; the bot tries again within a few hours.
discord-events-off = Server events: off. The events the bot listed in this server’s Events are removed.
discord-events-in-dm = Server events belong to a server: run { $subscribe } in one of its channels.
discord-events-settings = Server events: on, the coming anniversaries are listed in this server’s Events. Turn off: { $off }.
discord-events-flagged-lead = The server’s events could not be updated:
discord-events-flagged = { $lead } the bot lacks the { $permission } permission in this server (since { $since } UTC). Give it to the bot’s role in Server Settings → Roles; the bot tries again within a few hours.
discord-events-unsubscribed = The anniversaries the bot listed in this server’s Events are removed too.
# The last line of a scheduled event's description: the event on the campaign's page.
discord-event-more = More: { $url }
## END discord events

## BEGIN not-found
web-not-found-title = Page not found
web-not-found-body = There is no page at this address. It may have moved, or the address may be mistyped.
web-not-found-home = Go to the campaign’s page
# On the root's not-found page, which a static host shows in every folder: one line in each other language.
web-not-found-short = Page not found. { $home }
## END not-found
