# Placard-тың өз сөздері қазақша. Науқан дәйексөздері мұнда жоқ.

## Ортақ: бірнеше жауапқа ортақ сөздер
quoted-in-original = Талаптар, сандар және мәлімдеме мәтіндері түпнұсқадағыдай, сөзбе-сөз келтірілген.

## Диспетчер: орындалмайтын сұрауларға жауаптар
dispatch-missing = { $option } көрсетілмеген
dispatch-whole-number = { $option } бүтін сан болуы керек
dispatch-whole-number-from = { $option } кемінде { $min } болатын бүтін сан болуы керек
dispatch-bad-arguments = { $reason }. Қолданылуы:
dispatch-see = — қараңыз:
dispatch-admins-only = { $command } командасын тек осы чаттың әкімшілері қолдана алады.
dispatch-failed = Кешіріңіз, бізде бірдеңе дұрыс болмады. Сәлден кейін қайталап көріңіз.
dispatch-unknown = Белгісіз команда: { $command }.
dispatch-did-you-mean = Мүмкін, сізге керегі:
dispatch-help-lists = барлық командаларды көрсетеді.

## Команда мәзірі мен анықтама: command-<name> — бір жолдық сипаттама (100 таңбадан аспайды, соңында нүкте жоқ),
## command-<name>-usage — қолданылу жолы, command-<name>-<option> — параметр (әйтпесе option-<option>).
command-about = Науқан және бұл бот туралы
command-demands = Талаптар сөзбе-сөз: мәлімдеме, ұйым немесе тақырып бойынша
command-demands-usage = /demands [мәлімдеме | ұйым | тақырып | topics] [бет]
command-demands-filter = Мәлімдеме идентификаторы, ұйым, тақырып немесе «topics»
command-help = Командалар тізімі немесе бір команданың түсіндірмесі
command-help-usage = /help [команда]
command-help-command = Түсіндірілетін команда
command-language = Мұндағы бот жауаптарының тілін көрсету немесе өзгерту
command-language-usage = /language [en | ru | kk]
command-language-language = en, ru немесе kk
command-next = Келесі жылдық және оған дейін қанша күн қалғаны
command-settings = Осы чаттағы еске салулардың уақыты мен уақыт белдеуін көрсету немесе өзгерту
command-settings-usage = /settings [time СС:ММ] [zone <уақыт белдеуі>]
command-signatories = Мәлімдемелерге кім қол қойды: ел, атау немесе қысқартпа бойынша
command-signatories-usage = /signatories [ел | атау | қысқартпа] [бет]
command-signatories-filter = Ел, атау немесе қысқартпа
command-sources = Әр мәлімдеме қайдан алынған және дереккөздер қай жерде келіспейді
command-sources-usage = /sources [мәлімдеме] [бет]
command-sources-statement = Мәлімдеме идентификаторы (/statements қараңыз)
command-start = Сәлемдесу және алғашқы қадамдар
command-statement = Бір мәлімдеме: қысқаша мазмұны, авторы, күні, дереккөзі, талаптары және толық мәтіні
command-statement-usage = /statement <id> [text] [бет]
command-statement-id = Мәлімдеме идентификаторы (/statements қараңыз)
command-statement-part = «text» — толық мәтін, бет-бетімен
command-statements = Науқан негізделген мәлімдемелер тізімі
command-statements-usage = /statements [бет]
option-time = Еске салулардың жергілікті уақыты, СС:ММ (24 сағаттық)
option-zone = Уақыт белдеуі, мысалы Asia/Almaty
command-subscribe = Осы чатқа жылдықтар туралы еске салуларды өзіңіз таңдаған уақытта жіберу
command-subscribe-usage = /subscribe [СС:ММ] [уақыт белдеуі]
command-subscribe-channel = Еске салулар жіберілетін арна (әдепкі бойынша — осы арна)
command-timeline = Оқиғалар ретімен; бір оқиғаның мәліметтері, сандары және дереккөздері
command-timeline-usage = /timeline [оқиға] [бет]
command-timeline-event = Оқиға идентификаторы (/timeline қараңыз)
command-today = Осы күні не болды (чаттың уақыт белдеуі бойынша)
command-unsubscribe = Осы чаттағы жылдықтар туралы еске салуларды тоқтату
command-upcoming = Осы чаттың келесі еске салулары, жергілікті күні мен уақытымен
option-page = Бет нөмірі

## /language
language-title = Тіл
language-current = Бұл чаттың тілі: { $name }.
language-not-set = Тіл әлі таңдалмаған.
language-choose = Бот жауаптарының тілін таңдаңыз:
language-saved-title = Тіл сақталды
language-saved = Бұл чаттың тілі енді: { $name }.
language-unknown = Белгісіз тіл: «{ $given }». en, ru немесе kk таңдаңыз.

## Бірнеше жауапқа ортақ (src/present/present.ts)
author-not-named = авторы аталмаған
author-coordinated-not-named = үйлестіруші: { $coordinator }, авторы аталмаған
date-undated = күні көрсетілмеген
date-undated-published = күні көрсетілмеген, жарияланған күні: { $published }
figure-source = { $source }
figure-source-counted-later = { $source }, кейінірек саналған
figure-source-counted-by = { $source }, { $day } жағдай бойынша
event-day-not-in-statements = { $day } (бұл күн мәлімдемелерде жоқ)
event-public-record = Күні — { $day } — жалпыға белгілі; мәлімдемелерде ол көрсетілмеген.
# Науқан тақырыптарының батырмаларға арналған қысқа атаулары (басқаларында — мазмұндағы атауы).
topic-prisoners = Саяси тұтқындар
topic-unions = Кәсіподақтар
topic-troops = Әскерді шығару
topic-nationalisation = Ұлттандыру
topic-resignation = Отставкалар
topic-legalisation = Тыйым салынған партиялар
topic-repression = Қуғын-сүргінді тоқтату
topic-democracy = Демократия
topic-solidarity = Ынтымақтастық
topic-imperialism = Империализм

## /start және /help
start-try = { $demands }, { $signatories }, { $timeline } немесе { $next } көріңіз. { $help } барлық командаларды көрсетеді.
start-demands = Талаптар
start-timeline = Хроника
start-next = Келесі жылдық
start-signatories = Қол қоюшылар
start-sources = Дереккөздер
start-help = Барлық командалар
help-title = Командалар
help-usage = Қолданылуы: { $usage }
help-optional = (міндетті емес)
help-admins-only = Топта оны тек әкімшілер қолдана алады; жеке чатта сіз де қолдана аласыз.
help-admins-mark = (әкімшілер)
help-forgiving = Аргументтерді еркін жазуға болады: бас әріп пен диакритика маңызды емес.
help-no-command = { $command } командасы жоқ.
help-no-command-guess = { $command } командасы жоқ. { $guess } керек пе?

## Links to the campaign's site (when PUBLIC_URL is set)
web-link-about = Науқан интернетте: { $site } — оның жылдықтары сіздің күнтізбеңізде: { $calendar }.
web-link-calendar = жазылу
web-link-event = Науқан бетінде: { $link }
web-link-statement = Интернетте: { $link }

## Why the bot may not post somewhere (posting-why-<kind>; the platform's own rights names stay as its settings show them)
posting-why-not-member = бот бұл чаттың мүшесі емес: оны қайта қосыңыз
posting-why-may-not-send = ботқа бұл чатта хабар жіберуге болмайды
posting-why-members-muted = бұл чатта мүшелерге хабар жіберуге болмайды: рұқсат беріңіз немесе ботты әкімші етіңіз
posting-why-channel-admin = арнада бот хабар жариялауға құқығы бар әкімші болуы керек
posting-why-admins-only = бұл топта тек әкімшілер жаза алады: ботты әкімші етіңіз немесе барлық мүшелерге жазуға рұқсат беріңіз
posting-why-blocked = боттың аккаунты бұл топты бұғаттаған: оның операторы бұғаттан шығаруы керек
posting-why-missing-permissions = бұл арнада боттың қажетті құқықтары жоқ
posting-why-channel-gone = бұл арна енді жоқ немесе бот оны көрмейді
posting-why-encrypted = бөлме басынан аяғына дейін шифрланған, ал бот шифрланған бөлмелерге жазбайды: шифрланбаған бөлмені пайдаланыңыз
posting-why-power-level = боттың бұл бөлмедегі құқық деңгейі хабар жіберуге жеткіліксіз

## BEGIN content commands (/about /demands /signatories /statements /statement /sources, src/present/present.ts)
# Науқан мазмұны туралы жауаптарға ортақ
content-did-you-mean = Мүмкін, сізге { $guesses } керек пе?
content-no-statement = «{ $query }» мәлімдемесі жоқ.
content-author-not-named = дереккөзде аталмаған
content-label-author = Авторы:
content-label-coordinated = Үйлестіруші:
content-label-date = Күні:
content-label-source = Дереккөзі:
content-label-published-by = Жариялаған:
content-label-address = Мекенжайы:
content-label-published = Жарияланған күні:
content-label-signatories = Қол қоюшылар:
content-label-cited-as = Қысқа атауы:
content-signatories-as-of = { $count }, { $date } жағдай бойынша
content-button-read = Оқу: { $label }
content-button-sources = Дереккөздер
content-button-statements = Мәлімдемелер
content-button-all-statements = Барлық мәлімдемелер
content-button-by-topic = Тақырыптар бойынша
# Дереккөз айтпаған, ұйымның атауынан алынған ел.
country-from-name = { $country } (атауы бойынша)
# Беттер (src/present/pages.ts), беттерге бөлінген барлық жауаптарға ортақ
pages-title = { $title } — { $page }/{ $pages } бет
pages-no-such-page = Барлығы { $pages } бет; { $page }-бет жоқ.
# Автотолтыру ұсыныстары
choice-country = { $name } (ел)
choice-topic = { $name } (тақырып)
choice-statement = { $name } (мәлімдеме)
choice-organisation = { $name } (ұйым)
# /about
about-built-from = Негізі — { $statements }; оларға { $organisations } қол қойған немесе оларды жазған ({ $signatories }); хроникада { $events } бар.
about-statements = { $count } мәлімдеме
about-organisations = { $count } ұйым
about-signatories = { $count } қол қоюшы
about-events = күні белгілі { $count } оқиға
about-coordinated = { $count ->
    [1] Мәлімдемелердің біреуін
   *[other] { $count } мәлімдемені
  } { $names } үйлестірген.
about-quoting = Талаптар сөзбе-сөз келтіріледі; әр санның дереккөзі көрсетіледі; дереккөздер келіспейтін жерде әр сан өз дереккөзімен беріледі. Қараңыз: { $sources }.
about-privacy = Placard — еркін бағдарлама. Ол тек чаттардың идентификаторлары мен баптауларын сақтайды: есімдерді, пайдаланушы идентификаторларын және хабарламаларды сақтамайды.
# /demands
demands-title = Талаптар — { $of }
demands-none-title = Талаптар
demands-none = Мұндағы мәлімдемелердің ешқайсысында талап жоқ.
demands-byline-quoted = { $org } талаптары, { $label } келтіргендей
demands-byline-author = авторы: { $org }
demands-byline-coordinated = үйлестіруші: { $org }, авторы дереккөзде аталмаған
demands-byline-not-named = авторы дереккөзде аталмаған
demands-quoted-of = { $org } талаптары, мәлімдемеде келтірілгендей
demands-by-topic-title = Тақырыптар бойынша талаптар
demands-topic-count = { $statements } мәлімдемеде { $demands } талап
demands-topic-title = Тақырып бойынша талаптар: { $topic }
demands-topic-none = «{ $topic }» тақырыбымен белгіленген талап әзірге жоқ.
demands-not-found = «{ $query }» деген мәлімдеме, ұйым немесе тақырып жоқ.
demands-topics-hint = Тақырыптар: { $command }.
demands-org-none = { $names }: бұл мәлімдемелерде оның өз талаптары жоқ.
demands-org-signed = Қол қоюшылар арасында: { $command }.
demands-button-full-statement = Мәлімдеме толығымен
demands-button-other-topics = Басқа тақырыптар
# /signatories
signatories-title = Қол қоюшылар
signatories-none-listed = Мұндағы мәлімдемелердің ешқайсысында қол қоюшылар тізімі жоқ.
signatories-signed = { $count } ұйым қол қойды.
signatories-matching = «{ $filter }» сұрауы бойынша { $count } қол қоюшы.
signatories-signed-what = Қол қойылған мәлімдемелер: { $statements }.
signatories-list-as-of = { $label } ({ $date } жағдай бойынша тізім)
signatories-matching-title = «{ $filter }» сұрауы бойынша қол қоюшылар
signatories-none-from-country = { $country }: бұл елдің бірде-бір ұйымы мұндағы мәлімдемелерге қол қоймаған.
signatories-none-from-typed = «{ $filter }»: бұл елдің бірде-бір ұйымы мұндағы мәлімдемелерге қол қоймаған.
signatories-none-named = «{ $filter }» мұндағы ешбір мәлімдемеге қол қоймаған.
# «Sveriges Kommunistiska Parti (SKP): бір мәлімдеменің авторы: SKP statement.» Рөлдер «; » арқылы бөлінеді.
signatories-mention = { $who }: { $roles }.
signatories-wrote = { $count ->
    [1] бір мәлімдеменің авторы
   *[other] { $count } мәлімдеменің авторы
  }: { $labels }
signatories-coordinated = { $count ->
    [1] бір мәлімдемені үйлестірген
   *[other] { $count } мәлімдемені үйлестірген
  }: { $labels }
signatories-named-in = { $count ->
    [1] бір мәлімдемеде аталады
   *[other] { $count } мәлімдемеде аталады
  }: { $labels }
signatories-no-country = «{ $filter }» елінен қол қоюшы жоқ.
signatories-no-match = «{ $filter }» сұрауына сай қол қоюшы жоқ.
signatories-every = Барлық қол қоюшылар: { $command }.
signatories-button-all = Барлық қол қоюшылар
# /statements және /statement
statements-title = Мәлімдемелер
statement-demands = Талаптар
statement-demands-of = Талаптар ({ $org }, мәлімдемеде келтірілгендей)
statement-full-text-title = { $title } — толық мәтін
statement-count-hint = Барлығы { $count } мәлімдеме: { $command }.
statement-bad-part = Тек { $command } (толық мәтін) көрсетуге болады, не ештеңе көрсетпеңіз.
statement-button-full-text = Толық мәтін
statement-button-where-from = Дереккөзі
statement-button-summary = Қысқаша және талаптар
# /sources
sources-title = Дереккөздер
sources-every-figure = Әр санның қай мәлімдемеден алынғаны көрсетілген.
sources-disagree = Дереккөздер келіспейтін жерлер
sources-others-disagree = Басқа дереккөздер басқа сандар беретін жерлер
sources-every = Барлық дереккөздер: { $command }.
sources-button-read = Оқу
sources-button-all = Барлық дереккөздер
## END content commands

## BEGIN time commands (/start /help /timeline /today /next /upcoming /subscribe /settings /unsubscribe, posting checks, zones)
# Уақыт командаларына ортақ
time-sources = Дереккөздер: { $sources }
time-day-at = { $day }, { $time }
time-day-at-zone = { $day }, { $time } ({ $zone })
time-no-anniversaries = Хроникада еске салатын жылдық жоқ.
time-change = Уақытты немесе уақыт белдеуін өзгерту: { $settings }.
timeline-button = Хроника
next-button = Келесі жылдық
# /timeline
timeline-title = Хроника
timeline-empty = Хроникада әзірге оқиға жоқ.
timeline-tap = Әр оқиғаның толық мәліметі, сандары мен дереккөздері — түйме арқылы.
timeline-figures = Сандар — әрқайсысы өз дереккөзінің сөзімен:
timeline-note = Ескертпе: { $note }
timeline-demands-button = Талаптар: { $topic }
timeline-unknown = «{ $query }» деген оқиға жоқ. Барлық оқиғалар: { $all }.
timeline-unknown-guess = «{ $query }» деген оқиға жоқ. Мүмкін, { $guess }? Барлық оқиғалар: { $all }.
# /today
today-title-none = Бүгін, { $day } ({ $zone })
today-title = Осы күні, { $day } ({ $zone })
today-nothing = Хроникада бұл күнгі оқиға жоқ.
today-next = Келесі жылдық: { $next }.
today-heading-same = Бүгін: { $title }
today-heading-years = Бүгін { $years } жыл толды: { $title }
# /next
next-title-none = Келесі жылдық
next-title = Келесі жылдық: { $day }, { $days ->
        [0] бүгін
        [1] ертең
       *[other] { $days } күннен кейін
    }
next-reminder = Бұл чаттағы еске салу: { $when }.
next-zone = Күндер { $zone } уақыт белдеуі бойынша.
next-anniversary = { $years } жылдығы: { $title } — { $date }
# /upcoming
upcoming-title = Алдағы еске салулар
upcoming-title-unsubscribed = Алдағы еске салулар (чат жазылмаған)
upcoming-intro = Бұл чаттың келесі еске салулары, { $zone } уақыты:
upcoming-intro-unsubscribed = Бұл чат жазылмаған. { $subscribe } командасынан кейін ол мына еске салуларды алар еді, { $zone } уақыты:
upcoming-anniversary = { $years } жылдығы: { $title }
upcoming-anniversary-day = { $years } жылдығы: { $title } ({ $day }: бұл күн мәлімдемелерде жоқ)
# /subscribe және /settings: уақыт пен уақыт белдеуі
subscribe-bad-time = «{ $given }» — тәулік уақыты емес. 24 сағаттық СС:ММ пішімін қолданыңыз, мысалы: { $example }.
subscribe-unknown-zone = Белгісіз уақыт белдеуі: «{ $given }».
zone-guess-1 = Мүмкін, { $a }?
zone-guess-2 = Мүмкін, { $a } немесе { $b }?
zone-guess-3 = Мүмкін, { $a }, { $b } немесе { $c }?
subscribe-zones-are = Уақыт белдеулері IANA атауларымен беріледі, мысалы: { $berlin } немесе { $almaty }.
zone-name = { $zone }
zone-with-offset = { $zone } ({ $offset })
zone-read-as = «{ $typed }» → { $zone }.
zone-etc = { $zone } — жыл бойы { $offset } (Etc/ атауларында таңба керісінше жазылады).
zone-offset-saved = { $offset } { $zone } ретінде сақталды: жыл бойы { $offset }, жазғы уақытқа көшусіз (Etc/ атауларында таңба керісінше жазылады).
zone-offset-now = { $offset } — бүтін сағат емес; қазір бұл ығысу мына белдеулерде.
zone-offset-part = { $offset } — бүтін сағат емес; бұл ығысу мына белдеулерде жылдың бір бөлігінде болады.
zone-offset-none = { $offset } ығысуы бар уақыт белдеуі жоқ.
zone-one-time = Еске салудың бір ғана уақытын көрсетіңіз
# /subscribe
subscribe-title-new = Чат жылдықтар туралы еске салуларға жазылды
subscribe-title-updated = Еске салулар жаңартылды
subscribe-where-chat = Бұл чат әр жылдықта еске салу алады, уақыты: { $time }, { $zone } уақыт белдеуі.
subscribe-where-channel = Таңдалған арна әр жылдықта еске салу алады, уақыты: { $time }, { $zone } уақыт белдеуі.
subscribe-next = Келесісі: { $when } — { $title }.
subscribe-links = Алдағы еске салулар: { $upcoming }. Уақытты немесе уақыт белдеуін өзгерту: { $settings }. Жазылудан бас тарту: { $unsubscribe }.
# /settings
settings-title = Осы чаттың баптаулары
settings-saved = Баптаулар сақталды
settings-zone = Уақыт белдеуі: { $zone } — онда қазір { $now }.
settings-zone-default = Уақыт белдеуі: { $zone } (науқанның әдепкі белдеуі) — онда қазір { $now }.
settings-on = Еске салулар: қосулы, уақыты: { $time }, { $zone } уақыт белдеуі. Алдағылары: { $upcoming }. Жазылудан бас тарту: { $unsubscribe }.
settings-off = Еске салулар: өшірулі. { $subscribe } командасынан кейін олар осында келеді, уақыты: { $time }, { $zone } уақыт белдеуі.
settings-change = Өзгерту: { $time }, { $zone } немесе екеуі де.
settings-example-time = /settings уақыт 08:30
settings-example-zone = /settings белдеу Europe/Berlin
# /unsubscribe
unsubscribe-not-title = Чат жазылмаған
unsubscribe-not = Бұл чат еске салу алмайды. Жазылу үшін: { $subscribe }.
unsubscribe-title = Жазылым тоқтатылды
unsubscribe-done = Бұл чат енді жылдықтар туралы еске салу алмайды. Қайта жазылу үшін: { $subscribe }.
# Бот еске салуды жариялай алмағанда (/subscribe, /settings, /upcoming)
posting-flagged-lead = Соңғы еске салуды жариялау мүмкін болмады:
posting-flagged = { $lead } { $reason } (алғаш рет: { $since } UTC). Ботқа сол жерде жариялау құқығын беріңіз; келесі еске салу қайта жіберіледі. Қазір тексеру: { $subscribe }.
posting-checked-lead = Бірақ бот қазір ол жерде жариялай алмайды:
posting-checked = { $lead } { $reason }. Әкімші ботқа осы құқықтарды бергенде, еске салулар жариялана бастайды.
posting-checked-missing = { $lead } { $reason }. Жетіспейтін құқықтар: { $missing }. Әкімші ботқа осы құқықтарды бергенде, еске салулар жариялана бастайды.
## END time commands

## BEGIN web (науқан беттері, күнтізбелер және арналар: src/site, adapters/web)
web-skip = Негізгі мазмұнға өту
web-languages = Тіл
web-contents = Осы бетте
web-back = ← { $campaign }
web-section-demands = Талаптар
web-section-signatories = Қол қоюшылар
web-section-timeline = Хроника
web-section-sources = Дереккөздер
web-demands-intro = Әр мәлімдеменің талаптары түпнұсқадағыдай, сөзбе-сөз, мәлімдемедегі ретімен келтірілген.
web-demands-by = { $organisation } ұйымының талаптары, осы мәлімдеме келтіргендей.
web-demands-source = Дереккөз: { $statement }
web-signatories-intro = { $count } ұйым қол қойды. Елдер мәлімдемелерде жазылғандай көрсетілген; ел ұйымның атауынан алынған болса, бұл белгіленген.
web-signed = { $statement }: { $count } ұйым қол қойды.
web-signed-as-of = { $statement }: { $count } ұйым қол қойды ({ $date } жағдай бойынша тізім).
web-country-from-name = ел атауынан алынған
web-country-not-stated = Дереккөзде ел көрсетілмеген
web-timeline-intro = Мәлімдемелер хабарлаған оқиғалар, ретімен. Әр сан өзі алынған мәлімдемемен бірге көрсетіледі; мәлімдемелер сәйкес келмесе, әр сан өз дереккөзімен көрсетіледі.
web-timeline-calendar = Есте сақталатын барлық оқиға жыл сайын күнтізбеңізде: { $calendar }
web-calendar-link = жылдықтар күнтізбесі
web-feed-link = жаңалықтар арнасы (Atom)
web-day-not-in-statements = { $day } (күні мәлімдемелерде жоқ)
web-day-public-record = Күні, { $day }, жалпыға мәлім; мәлімдемелерде ол көрсетілмеген.
web-figure-source = { $source }
web-figure-source-later = { $source }, кейінгі күні есептелген
web-figure-source-by = { $source }, { $day } бойынша есептелген
web-note = Ескертпе:
web-event-sources = Дереккөздер:
web-sources-intro = Бұл бет құрастырылған мәлімдемелер: қысқа атауларымен және әр мәтіннің авторы, күні мен жарияланған жері туралы айтқандарымен.
web-cited-as = Қысқа атауы:
web-author = Авторы:
web-author-not-named = дереккөзде аталмаған
web-coordinated-by = Үйлестірген:
web-date = Күні:
web-undated = күні көрсетілмеген
web-text-source = Мәтін қайдан алынған:
web-publisher = Жариялаған:
web-address = Мекенжайы:
web-published = Жарияланған:
web-read-statement = Толық мәтінді оқу
web-disagreements = Дереккөздер сәйкес келмейтін жерлер
web-disagreements-intro = Мәлімдемелер әртүрлі сандар берсе немесе күнін көрсетпесе, әрқайсысы өз дереккөзімен көрсетіледі; ешқайсысы таңдалмайды.
web-statement-about = Бұл мәлімдеме туралы
web-statement-text = Толық мәтін, жарияланғандай
web-footer-quotes = Талаптар, сандар және мәлімдеме мәтіндері түпнұсқадағыдай, сөзбе-сөз келтірілген; әр санның қай мәлімдемеден алынғаны көрсетілген.
web-footer-follow = Науқанды бақылау: { $calendar } · { $feed }
web-footer-made = Placard көмегімен жасалған, науқандарға арналған еркін бағдарлама. Скрипт жоқ, cookie жоқ, бақылау жоқ.
web-calendar-name = { $campaign }: жылдықтар
web-calendar-summary = { $title } ({ $year })
web-calendar-sources = Дереккөздер: { $sources }
web-calendar-more = Толығырақ: { $url }
web-feed-event = Жылдық: { $title } ({ $day })
## END web

## BEGIN reminders (src/present/reminder.ts, src/schedule)
reminder-title = Бүгін { $years } жыл толды: { $title }
reminder-sources = Дереккөздер: { $sources }.
# Дәйексөз тырнақшалары (дәйексөздің өзі жарияланғандай).
reminder-quote = «{ $quote }»
reminder-counted-by = { $source }, есеп күні: { $day }
reminder-later-figures = { $count ->
    [1] Кейінірек есептелген сан «{ $notes }» бөлімінде, дереккөзімен бірге.
   *[other] Кейінірек есептелген сандар «{ $notes }» бөлімінде, әрқайсысы дереккөзімен бірге.
}
# Еске салудың батырмалары (≤ 30 таңба).
reminder-demands = Талаптар
reminder-notes = Ескертпелер мен дереккөздер
reminder-web = Оқиға науқан бетінде
## END reminders

## BEGIN adapters (buttons and notes the adapters add: paging, inline mode)
adapter-previous = Артқа
adapter-next = Келесі
adapter-stale-list = Бұл тізім өзгерді. Команданы қайта жіберіңіз.
adapter-stale-button = Бұл батырманың мерзімі өтті. Жаңа батырмалар алу үшін команданы қайта орындаңыз.
adapter-more = Тағы…
adapter-nothing = Мұнда ештеңе жоқ.
adapter-channel-in-dm = Арнаны команда серверде орындалғанда ғана таңдауға болады. Оны серверде орындаңыз.
adapter-channel-elsewhere = Осы сервердің арнасын таңдаңыз.
console-welcome = Placard консолі — { $help } теріңіз, шығу үшін Ctrl-D.
console-not-a-command = Командалар былай жазылады: { $help }.
console-page = { $pages } беттің { $page }-беті
console-previous = артқа: { $command }
console-next = келесі: { $command }
## END adapters

## BEGIN signal adapter (adapters/signal: батырмалар жоқ, сондықтан келесі қадамдар команда ретінде жазылады)
signal-action = → { $label }: { $command }
signal-page = { $pages } беттің { $page }-беті
signal-page-previous = Алдыңғы бет
signal-page-next = Келесі бет
signal-not-kept = Сақталмады: жеке чатта Placard сіздің нөміріңіз бен баптауларыңызды тек еске салулар алып тұрғанда ғана сақтайды ({ $subscribe }).
## END signal adapter

## BEGIN matrix adapter (adapters/matrix: page moves of a paged answer, as commands to type under it)
matrix-page-previous = Алдыңғы бет
matrix-page-next = Келесі бет
## END matrix adapter

## BEGIN discord events (/subscribe events: Discord-та сервердің өз оқиғалары: src/commands, adapters/discord/scheduled-events*.ts)
command-subscribe-events = Алдағы жылдықтарды сервердің оқиғаларында да көрсету (ботқа оқиға жасау құқығы керек)
discord-events-on = Сервер оқиғалары: алдағы екі айдағы жылдықтар осы сервердің «Оқиғалар» бөлімінде еске салу уақытынан басталатын оқиға ретінде көрсетіледі және жаңартылып отырады. Ол үшін ботқа осы серверде { $permission } (оқиғалар жасау) құқығы қажет (Сервер баптаулары → Рөлдер). Өшіру: { $off }.
discord-events-missing-lead = Бірақ бот қазір оларды көрсете алмайды:
discord-events-missing = { $lead } оның осы серверде { $permission } (оқиғалар жасау) құқығы жоқ. Сервер баптауларында (Рөлдер) бот рөліне осы құқықты беріңіз; бот бірнеше сағат ішінде қайта әрекет етеді.
discord-events-off = Сервер оқиғалары: өшірулі. Бот осы сервердің «Оқиғалар» бөлімінде көрсеткен оқиғалар жойылады.
discord-events-in-dm = Оқиғалар тек серверде болады: { $subscribe } командасын оның арналарының бірінде орындаңыз.
discord-events-settings = Сервер оқиғалары: қосулы, алдағы жылдықтар осы сервердің «Оқиғалар» бөлімінде көрсетілген. Өшіру: { $off }.
discord-events-flagged-lead = Сервер оқиғаларын жаңарту мүмкін болмады:
discord-events-flagged = { $lead } боттың осы серверде { $permission } (оқиғалар жасау) құқығы жоқ (алғаш рет: { $since } UTC). Сервер баптауларында (Рөлдер) бот рөліне осы құқықты беріңіз; бот бірнеше сағат ішінде қайта әрекет етеді.
discord-events-unsubscribed = Бот осы сервердің «Оқиғалар» бөлімінде көрсеткен жылдықтар да жойылады.
# Оқиға сипаттамасының соңғы жолы: оқиға науқан бетінде.
discord-event-more = Толығырақ: { $url }
## END discord events

## BEGIN not-found
web-not-found-title = Мұндай бет жоқ
web-not-found-body = Бұл мекенжайда бет жоқ. Ол басқа жерге ауысқан болуы мүмкін немесе мекенжай қате жазылған.
web-not-found-home = Науқан бетіне өту
web-not-found-short = Мұндай бет жоқ. { $home }
## END not-found
