# Собственные слова Placard по-русски. Цитаты кампании сюда не входят.

## Общее: то, что говорят несколько ответов
quoted-in-original = Требования, цифры и тексты заявлений цитируются в оригинале, слово в слово.

## Диспетчер: ответы на то, что нельзя выполнить
dispatch-missing = Не указано: { $option }
dispatch-whole-number = { $option } должно быть целым числом
dispatch-whole-number-from = { $option } должно быть целым числом не меньше { $min }
dispatch-bad-arguments = { $reason }. Как использовать:
dispatch-see = — см.
dispatch-admins-only = Команду { $command } могут использовать только администраторы этого чата.
dispatch-failed = Извините, у нас что-то пошло не так. Попробуйте ещё раз чуть позже.
dispatch-unknown = Неизвестная команда { $command }.
dispatch-did-you-mean = Возможно, вы имели в виду
dispatch-help-lists = показывает все команды.

## Меню команд и справка: command-<name> — описание в одну строку (не длиннее 100 символов, без точки в конце),
## command-<name>-usage — строка использования, command-<name>-<option> — параметр (иначе option-<option>).
command-about = О кампании и об этом боте
command-demands = Требования дословно: по заявлению, организации или теме
command-demands-usage = /demands [заявление | организация | тема | topics] [страница]
command-demands-filter = Идентификатор заявления, организация, тема или «topics»
command-help = Список команд или описание одной из них
command-help-usage = /help [команда]
command-help-command = Команда, которую нужно объяснить
command-language = Показать или сменить язык ответов бота здесь
command-language-usage = /language [en | ru | kk]
command-language-language = en, ru или kk
command-next = Ближайшая годовщина и сколько дней до неё
command-settings = Показать или изменить время и часовой пояс напоминаний в этом чате
command-settings-usage = /settings [time ЧЧ:ММ] [zone <часовой пояс>]
command-signatories = Кто подписал заявления: по стране, названию или аббревиатуре
command-signatories-usage = /signatories [страна | название | аббревиатура] [страница]
command-signatories-filter = Страна, название или аббревиатура
command-sources = Откуда взято каждое заявление и где источники расходятся
command-sources-usage = /sources [заявление] [страница]
command-sources-statement = Идентификатор заявления (см. /statements)
command-start = Приветствие и первые шаги
command-statement = Одно заявление: кратко, автор, дата, источник, требования и полный текст
command-statement-usage = /statement <id> [text] [страница]
command-statement-id = Идентификатор заявления (см. /statements)
command-statement-part = «text» — полный текст, страница за страницей
command-statements = Заявления, на которых построена кампания
command-statements-usage = /statements [страница]
option-time = Местное время напоминаний, ЧЧ:ММ (24 часа)
option-zone = Часовой пояс, например Asia/Almaty
command-subscribe = Присылать в этот чат напоминания о годовщинах в выбранное вами время и часовом поясе
command-subscribe-usage = /subscribe [ЧЧ:ММ] [часовой пояс]
command-subscribe-channel = Канал для напоминаний (по умолчанию — этот)
command-timeline = События по порядку; подробности, цифры и источники одного события
command-timeline-usage = /timeline [событие] [страница]
command-timeline-event = Идентификатор события (см. /timeline)
command-today = Что произошло в этот день, по часовому поясу чата
command-unsubscribe = Отключить напоминания о годовщинах в этом чате
command-upcoming = Ближайшие напоминания этого чата с местной датой и временем
option-page = Номер страницы

## /language
language-title = Язык
language-current = Язык этого чата: { $name }.
language-not-set = Язык здесь ещё не выбран.
language-choose = Выберите язык ответов бота:
language-saved-title = Язык сохранён
language-saved = Язык этого чата теперь: { $name }.
language-unknown = Неизвестный язык «{ $given }». Выберите en, ru или kk.

## Общее для нескольких ответов (src/present/present.ts)
author-not-named = автор не назван
author-coordinated-not-named = координатор: { $coordinator }, автор не назван
date-undated = без даты
date-undated-published = без даты, опубликовано { $published }
figure-source = { $source }
figure-source-counted-later = { $source }, подсчитано позже
figure-source-counted-by = { $source }, подсчитано к { $day }
event-day-not-in-statements = { $day } (этого дня нет в заявлениях)
event-public-record = Дата, { $day }, общеизвестна; в заявлениях её нет.
# Короткие названия тем кампании для кнопок (у остальных — их название из содержания).
topic-prisoners = Политзаключённые
topic-unions = Профсоюзы
topic-troops = Вывод войск
topic-nationalisation = Национализация
topic-resignation = Отставки
topic-legalisation = Запрещённые партии
topic-repression = Конец репрессиям
topic-democracy = Демократия
topic-solidarity = Солидарность
topic-imperialism = Империализм

## /start и /help
start-try = Попробуйте { $demands }, { $signatories }, { $timeline } или { $next }. { $help } показывает все команды.
start-demands = Требования
start-timeline = Хроника
start-next = Ближайшая годовщина
start-signatories = Подписанты
start-sources = Источники
start-help = Все команды
help-title = Команды
help-usage = Как использовать: { $usage }
help-optional = (необязательно)
help-admins-only = В группе ею могут пользоваться только администраторы; в личном чате — вы сами.
help-admins-mark = (администраторы)
help-forgiving = Аргументы можно писать свободно: регистр и диакритика не важны.
help-no-command = Команды { $command } нет.
help-no-command-guess = Команды { $command } нет. Возможно, вы имели в виду { $guess }?

## Links to the campaign's site (when PUBLIC_URL is set)
web-link-about = Кампания в интернете: { $site } — и её годовщины в вашем календаре: { $calendar }.
web-link-calendar = подписаться
web-link-event = На странице кампании: { $link }
web-link-statement = В интернете: { $link }

## Why the bot may not post somewhere (posting-why-<kind>; the platform's own rights names stay as its settings show them)
posting-why-not-member = бот не состоит в этом чате: добавьте его снова
posting-why-may-not-send = боту нельзя отправлять сообщения в этом чате
posting-why-members-muted = участникам нельзя отправлять сообщения в этом чате: разрешите это или сделайте бота администратором
posting-why-channel-admin = в канале бот должен быть администратором с правом публиковать сообщения
posting-why-admins-only = в этой группе писать могут только администраторы: сделайте бота администратором или разрешите писать всем участникам
posting-why-blocked = аккаунт бота заблокировал эту группу: его оператор должен её разблокировать
posting-why-missing-permissions = у бота нет нужных прав в этом канале
posting-why-channel-gone = этого канала больше нет, или бот его не видит
posting-why-encrypted = комната зашифрована сквозным шифрованием, а бот не пишет в зашифрованные комнаты: используйте незашифрованную
posting-why-power-level = уровень прав бота в этой комнате слишком низок, чтобы отправлять сообщения

## BEGIN content commands (/about /demands /signatories /statements /statement /sources, src/present/present.ts)
# Общее для ответов о содержании кампании
content-did-you-mean = Возможно, вы имели в виду { $guesses }?
content-no-statement = Заявления «{ $query }» нет.
content-author-not-named = не назван в источнике
content-label-author = Автор:
content-label-coordinated = Координатор:
content-label-date = Дата:
content-label-source = Источник:
content-label-published-by = Издатель:
content-label-address = Адрес:
content-label-published = Опубликовано:
content-label-signatories = Подписанты:
content-label-cited-as = Краткое название:
content-signatories-as-of = { $count } на { $date }
content-button-read = Читать: { $label }
content-button-sources = Источники
content-button-statements = Заявления
content-button-all-statements = Все заявления
content-button-by-topic = По темам
# Страна, выведенная из названия организации, а не указанная источником.
country-from-name = { $country } (по названию)
# Страницы (src/present/pages.ts), общие для всех ответов со страницами
pages-title = { $title } — страница { $page } из { $pages }
pages-no-such-page = Страниц: { $pages }; страницы { $page } нет.
# Подсказки автодополнения
choice-country = { $name } (страна)
choice-topic = { $name } (тема)
choice-statement = { $name } (заявление)
choice-organisation = { $name } (организация)
# /about
about-built-from = В основе — { $statements }, которые подписали или написали { $organisations } ({ $signatories }); в хронике — { $events }.
about-statements = { $count ->
    [one] { $count } заявление
    [few] { $count } заявления
   *[other] { $count } заявлений
  }
about-organisations = { $count ->
    [one] { $count } организация
    [few] { $count } организации
   *[other] { $count } организаций
  }
about-signatories = { $count ->
    [one] { $count } подписант
    [few] { $count } подписанта
   *[other] { $count } подписантов
  }
about-events = { $count ->
    [one] { $count } датированное событие
    [few] { $count } датированных события
   *[other] { $count } датированных событий
  }
about-coordinated = { $count ->
    [1] Одно из заявлений подготовлено
   *[other] Из заявлений { $count } подготовлены
  } при координации { $names }.
about-quoting = Требования цитируются слово в слово; у каждой цифры указан источник; где источники расходятся, каждая цифра дана со своим. См. { $sources }.
about-privacy = Placard — свободная программа. Он хранит только идентификаторы и настройки чатов: никаких имён, идентификаторов пользователей и сообщений.
# /demands
demands-title = Требования — { $of }
demands-none-title = Требования
demands-none = Ни одно заявление здесь не содержит требований.
demands-byline-quoted = требования { $org }, как их приводит { $label }
demands-byline-author = автор: { $org }
demands-byline-coordinated = координатор: { $org }, автор не назван в источнике
demands-byline-not-named = автор не назван в источнике
demands-quoted-of = требования { $org }, как их цитирует заявление
demands-by-topic-title = Требования по темам
demands-topic-count = { $demands ->
    [one] { $demands } требование
    [few] { $demands } требования
   *[other] { $demands } требований
  } в { $statements ->
    [one] { $statements } заявлении
   *[other] { $statements } заявлениях
  }
demands-topic-title = Требования по теме: { $topic }
demands-topic-none = Требований с темой «{ $topic }» пока нет.
demands-not-found = Нет заявления, организации или темы «{ $query }».
demands-topics-hint = Темы: { $command }.
demands-org-none = { $names }: в этих заявлениях нет собственных требований.
demands-org-signed = Среди подписантов: { $command }.
demands-button-full-statement = Заявление целиком
demands-button-other-topics = Другие темы
# /signatories
signatories-title = Подписанты
signatories-none-listed = Ни в одном заявлении здесь нет списка подписантов.
signatories-signed = { $count ->
    [one] Подписала { $count } организация.
    [few] Подписали { $count } организации.
   *[other] Подписали { $count } организаций.
  }
signatories-matching = { $count ->
    [one] { $count } подписант
    [few] { $count } подписанта
   *[other] { $count } подписантов
  } по запросу «{ $filter }».
signatories-signed-what = Подписанные заявления: { $statements }.
signatories-list-as-of = { $label } (список на { $date })
signatories-matching-title = Подписанты по запросу «{ $filter }»
signatories-none-from-country = { $country }: ни одна организация из этой страны не подписала здесь заявлений.
signatories-none-from-typed = «{ $filter }»: ни одна организация из этой страны не подписала здесь заявлений.
signatories-none-named = «{ $filter }»: здесь нет заявлений с этой подписью.
# «Sveriges Kommunistiska Parti (SKP): автор одного заявления: SKP statement.» Роли разделяются «; ».
signatories-mention = { $who }: { $roles }.
signatories-wrote = { $count ->
    [1] автор одного заявления
    [one] автор { $count } заявления
   *[other] автор { $count } заявлений
  }: { $labels }
signatories-coordinated = { $count ->
    [1] координатор одного заявления
    [one] координатор { $count } заявления
   *[other] координатор { $count } заявлений
  }: { $labels }
signatories-named-in = { $count ->
    [1] упоминается в одном заявлении
    [one] упоминается в { $count } заявлении
   *[other] упоминается в { $count } заявлениях
  }: { $labels }
signatories-no-country = Нет подписантов из страны «{ $filter }».
signatories-no-match = Нет подписантов по запросу «{ $filter }».
signatories-every = Все подписанты: { $command }.
signatories-button-all = Все подписанты
# /statements и /statement
statements-title = Заявления
statement-demands = Требования
statement-demands-of = Требования ({ $org }, как их цитирует заявление)
statement-full-text-title = { $title } — полный текст
statement-count-hint = { $count ->
    [one] { $count } заявление
    [few] { $count } заявления
   *[other] { $count } заявлений
  }: { $command }.
statement-bad-part = Можно показать только { $command } (полный текст) или ничего.
statement-button-full-text = Полный текст
statement-button-where-from = Откуда этот текст
statement-button-summary = Кратко и требования
# /sources
sources-title = Источники
sources-every-figure = У каждой цифры указано заявление, из которого она взята.
sources-disagree = Где источники расходятся
sources-others-disagree = Где другие источники дают другие цифры
sources-every = Все источники: { $command }.
sources-button-read = Читать
sources-button-all = Все источники
## END content commands

## BEGIN time commands (/start /help /timeline /today /next /upcoming /subscribe /settings /unsubscribe, posting checks, zones)
# Общее для команд о времени
time-sources = Источники: { $sources }
time-day-at = { $day }, { $time }
time-day-at-zone = { $day }, { $time } ({ $zone })
time-no-anniversaries = В хронике нет годовщин для напоминаний.
time-change = Изменить время или часовой пояс: { $settings }.
timeline-button = Хроника
next-button = Следующая годовщина
# /timeline
timeline-title = Хроника
timeline-empty = В хронике пока нет событий.
timeline-tap = Подробности, цифры и источники каждого события — по кнопке.
timeline-figures = Цифры — каждая словами своего источника:
timeline-note = Примечание: { $note }
timeline-demands-button = Требования: { $topic }
timeline-unknown = Нет события «{ $query }». Все события: { $all }.
timeline-unknown-guess = Нет события «{ $query }». Может быть, { $guess }? Все события: { $all }.
# /today
today-title-none = Сегодня, { $day } ({ $zone })
today-title = В этот день, { $day } ({ $zone })
today-nothing = В хронике нет событий этого дня.
today-next = Следующая годовщина: { $next }.
today-heading-same = Сегодня: { $title }
today-heading-years =
    { $years ->
        [one] { $years } год назад в этот день
        [few] { $years } года назад в этот день
        [many] { $years } лет назад в этот день
       *[other] { $years } года назад в этот день
    }: { $title }
# /next
next-title-none = Следующая годовщина
next-title = Следующая годовщина: { $day }, { $days ->
        [0] сегодня
        [1] завтра
        [one] через { $days } день
        [few] через { $days } дня
        [many] через { $days } дней
       *[other] через { $days } дня
    }
next-reminder = Напоминание в этом чате: { $when }.
next-zone = Даты — по часовому поясу { $zone }.
next-anniversary = { $years }-я годовщина: { $title } — { $date }
# /upcoming
upcoming-title = Ближайшие напоминания
upcoming-title-unsubscribed = Ближайшие напоминания (чат не подписан)
upcoming-intro = Следующие напоминания этого чата, время { $zone }:
upcoming-intro-unsubscribed = Этот чат не подписан. После { $subscribe } он получал бы такие напоминания, время { $zone }:
upcoming-anniversary = { $years }-я годовщина: { $title }
upcoming-anniversary-day = { $years }-я годовщина: { $title } ({ $day }: этого дня нет в заявлениях)
# /subscribe и /settings: время и часовой пояс
subscribe-bad-time = «{ $given }» — не время суток. Укажите ЧЧ:ММ в 24-часовом формате, например { $example }.
subscribe-unknown-zone = Неизвестный часовой пояс «{ $given }».
zone-guess-1 = Может быть, { $a }?
zone-guess-2 = Может быть, { $a } или { $b }?
zone-guess-3 = Может быть, { $a }, { $b } или { $c }?
subscribe-zones-are = Часовые пояса задаются именами IANA, например { $berlin } или { $almaty }.
zone-name = { $zone }
zone-with-offset = { $zone } ({ $offset })
zone-read-as = «{ $typed }» → { $zone }.
zone-etc = { $zone } — это { $offset } круглый год (в именах Etc/ знак записан наоборот).
zone-offset-saved = { $offset } сохранён как { $zone }: { $offset } круглый год, без перехода на летнее время (в именах Etc/ знак записан наоборот).
zone-offset-now = { $offset } — смещение не на целое число часов; сейчас такое смещение у этих поясов.
zone-offset-part = { $offset } — смещение не на целое число часов; такое смещение у этих поясов бывает часть года.
zone-offset-none = Нет часового пояса со смещением { $offset }.
zone-one-time = Укажите одно время напоминания
# /subscribe
subscribe-title-new = Чат подписан на напоминания о годовщинах
subscribe-title-updated = Напоминания изменены
subscribe-where-chat = Этот чат получает напоминание в каждую годовщину в { $time }, часовой пояс { $zone }.
subscribe-where-channel = Выбранный канал получает напоминание в каждую годовщину в { $time }, часовой пояс { $zone }.
subscribe-next = Следующее: { $when } — { $title }.
subscribe-links = Ближайшие напоминания: { $upcoming }. Изменить время или часовой пояс: { $settings }. Отписаться: { $unsubscribe }.
# /settings
settings-title = Настройки этого чата
settings-saved = Настройки сохранены
settings-zone = Часовой пояс: { $zone } — сейчас там { $now }.
settings-zone-default = Часовой пояс: { $zone } (по умолчанию для кампании) — сейчас там { $now }.
settings-on = Напоминания: включены, в { $time }, часовой пояс { $zone }. Ближайшие: { $upcoming }. Отписаться: { $unsubscribe }.
settings-off = Напоминания: выключены. После { $subscribe } они будут приходить сюда в { $time }, часовой пояс { $zone }.
settings-change = Изменить: { $time }, { $zone } или и то и другое.
settings-example-time = /settings время 08:30
settings-example-zone = /settings пояс Europe/Berlin
# /unsubscribe
unsubscribe-not-title = Чат не подписан
unsubscribe-not = Этот чат не получает напоминаний. Чтобы подписаться: { $subscribe }.
unsubscribe-title = Подписка отменена
unsubscribe-done = Этот чат больше не получает напоминаний о годовщинах. Чтобы подписаться снова: { $subscribe }.
# Когда бот не может публиковать напоминания (/subscribe, /settings, /upcoming)
posting-flagged-lead = Последнее напоминание не удалось опубликовать:
posting-flagged = { $lead } { $reason } (с { $since } UTC). Дайте боту право публиковать там; следующее напоминание будет отправлено снова. Проверить сейчас: { $subscribe }.
posting-checked-lead = Но сейчас бот не может публиковать там:
posting-checked = { $lead } { $reason }. Напоминания начнут приходить, когда администратор даст боту эти права.
posting-checked-missing = { $lead } { $reason }. Не хватает прав: { $missing }. Напоминания начнут приходить, когда администратор даст боту эти права.
## END time commands

## BEGIN web (страницы кампании, календари и ленты: src/site, adapters/web)
web-skip = Перейти к содержанию
web-languages = Язык
web-contents = На этой странице
web-back = ← { $campaign }
web-section-demands = Требования
web-section-signatories = Подписанты
web-section-timeline = Хроника
web-section-sources = Источники
web-demands-intro = Требования каждого заявления дословно, в оригинале и в том порядке, в каком их даёт заявление.
web-demands-by = Требования организации «{ $organisation }» в том виде, в каком их цитирует это заявление.
web-demands-source = Источник: { $statement }
web-signatories-intro = { $count ->
    [one] Подписала { $count } организация.
    [few] Подписали { $count } организации.
   *[many] Подписали { $count } организаций.
} Страны указаны так, как их пишут заявления; если страна выведена из названия организации, это отмечено.
web-signed = { $statement }: { $count ->
    [one] подписала { $count } организация
    [few] подписали { $count } организации
   *[many] подписали { $count } организаций
}.
web-signed-as-of = { $statement }: { $count ->
    [one] подписала { $count } организация
    [few] подписали { $count } организации
   *[many] подписали { $count } организаций
} (список на { $date }).
web-country-from-name = страна выведена из названия
web-country-not-stated = Страна в источнике не указана
web-timeline-intro = События, о которых сообщают заявления, по порядку. Каждая цифра приводится с заявлением, из которого она взята; где заявления расходятся, каждая цифра показана со своим источником.
web-timeline-calendar = Все памятные события каждый год в вашем календаре: { $calendar }
web-calendar-link = календарь годовщин
web-feed-link = лента новостей (Atom)
web-day-not-in-statements = { $day } (дня нет в заявлениях)
web-day-public-record = Дата, { $day }, общеизвестна; в заявлениях её нет.
web-figure-source = { $source }
web-figure-source-later = { $source }, подсчёт на более поздний день
web-figure-source-by = { $source }, подсчёт на { $day }
web-note = Примечание:
web-event-sources = Источники:
web-sources-intro = Заявления, из которых составлена эта страница, с краткими названиями, под которыми они цитируются, и с тем, что каждый текст сообщает о своём авторе, дате и месте публикации.
web-cited-as = Краткое название:
web-author = Автор:
web-author-not-named = не назван в источнике
web-coordinated-by = Координатор:
web-date = Дата:
web-undated = без даты
web-text-source = Откуда текст:
web-publisher = Издатель:
web-address = Адрес:
web-published = Опубликовано:
web-read-statement = Читать полный текст
web-disagreements = Где источники расходятся
web-disagreements-intro = Где заявления дают разные цифры или не называют дату, каждая цифра показана со своим источником; ни одна не выбрана.
web-statement-about = Об этом заявлении
web-statement-text = Полный текст, как опубликован
web-footer-quotes = Требования, цифры и тексты заявлений цитируются в оригинале, дословно; у каждой цифры указано заявление, из которого она взята.
web-footer-follow = Следить за кампанией: { $calendar } · { $feed }
web-footer-made = Сделано с помощью Placard, свободной программы для кампаний. Без скриптов, без cookie, без слежки.
web-calendar-name = { $campaign }: годовщины
web-calendar-summary = { $title } ({ $year })
web-calendar-sources = Источники: { $sources }
web-calendar-more = Подробнее: { $url }
web-feed-event = Годовщина: { $title } ({ $day })
## END web

## BEGIN reminders (src/present/reminder.ts, src/schedule)
reminder-title = { $years ->
    [one] { $years } год назад в этот день: { $title }
    [few] { $years } года назад в этот день: { $title }
    [many] { $years } лет назад в этот день: { $title }
   *[other] { $years } года назад в этот день: { $title }
}
reminder-sources = Источники: { $sources }.
# Кавычки вокруг цитаты (сама цитата — как опубликована).
reminder-quote = «{ $quote }»
reminder-counted-by = { $source }, данные на { $day }
reminder-later-figures = { $count ->
    [1] Цифра, подсчитанная позднее, — в разделе «{ $notes }», с источником.
   *[other] Цифры, подсчитанные позднее, — в разделе «{ $notes }», каждая со своим источником.
}
# Кнопки напоминания (≤ 30 символов).
reminder-demands = Требования
reminder-notes = Заметки и источники
reminder-web = Событие на странице кампании
## END reminders

## BEGIN adapters (buttons and notes the adapters add: paging, inline mode)
adapter-previous = Назад
adapter-next = Далее
adapter-stale-list = Этот список изменился. Отправьте команду ещё раз.
adapter-stale-button = Эта кнопка устарела. Выполните команду ещё раз, чтобы получить новые кнопки.
adapter-more = Ещё…
adapter-nothing = Здесь ничего нет.
adapter-channel-in-dm = Канал можно выбрать, только когда команда выполняется на сервере. Выполните её на сервере.
adapter-channel-elsewhere = Выберите канал этого сервера.
console-welcome = Консоль Placard — введите { $help }, Ctrl-D для выхода.
console-not-a-command = Команды выглядят так: { $help }.
console-page = страница { $page } из { $pages }
console-previous = назад: { $command }
console-next = далее: { $command }
## END adapters

## BEGIN signal adapter (adapters/signal: кнопок нет, поэтому следующие шаги написаны как команды)
signal-action = → { $label }: { $command }
signal-page = Страница { $page } из { $pages }
signal-page-previous = Предыдущая страница
signal-page-next = Следующая страница
signal-not-kept = Не сохранено: в личном чате Placard хранит ваш номер и настройки, только пока вы получаете напоминания ({ $subscribe }).
## END signal adapter

## BEGIN matrix adapter (adapters/matrix: page moves of a paged answer, as commands to type under it)
matrix-page-previous = Предыдущая страница
matrix-page-next = Следующая страница
## END matrix adapter

## BEGIN discord events (/subscribe events: в Discord — собственные события сервера: src/commands, adapters/discord/scheduled-events*.ts)
command-subscribe-events = Также показывать ближайшие годовщины в событиях сервера (боту нужно право создавать события)
discord-events-on = События сервера: годовщины ближайших двух месяцев показаны в разделе «События» этого сервера, с началом во время напоминания, и обновляются. Для этого боту нужно право { $permission } (создание событий) на этом сервере (Настройки сервера → Роли). Выключить: { $off }.
discord-events-missing-lead = Но сейчас бот не может их показать:
discord-events-missing = { $lead } у него нет права { $permission } (создание событий) на этом сервере. Дайте это право роли бота в настройках сервера (Роли); бот попробует снова в течение нескольких часов.
discord-events-off = События сервера: выключены. События, которые бот показал в разделе «События» этого сервера, удаляются.
discord-events-in-dm = События бывают только у сервера: выполните { $subscribe } в одном из его каналов.
discord-events-settings = События сервера: включены, ближайшие годовщины показаны в разделе «События» этого сервера. Выключить: { $off }.
discord-events-flagged-lead = Не удалось обновить события сервера:
discord-events-flagged = { $lead } у бота нет права { $permission } (создание событий) на этом сервере (с { $since } UTC). Дайте это право роли бота в настройках сервера (Роли); бот попробует снова в течение нескольких часов.
discord-events-unsubscribed = Годовщины, которые бот показал в разделе «События» этого сервера, тоже удаляются.
# Последняя строка описания события: событие на странице кампании.
discord-event-more = Подробнее: { $url }
## END discord events

## BEGIN not-found
web-not-found-title = Такой страницы нет
web-not-found-body = По этому адресу ничего нет. Возможно, страница переехала или в адресе опечатка.
web-not-found-home = Перейти на страницу кампании
web-not-found-short = Такой страницы нет. { $home }
## END not-found
