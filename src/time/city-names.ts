// i18n-exempt-file: city names as people type them, matched against what is typed and never shown as the bot's words.
/**
 * A lookup table, not a library: names people type for a city (in English,
 * Russian, Kazakh or Ukrainian) → the IANA time zone of that city. Only names
 * that the IANA zone names themselves do not already give: `Berlin`,
 * `New York`, `Almaty` are found from `Europe/Berlin`, `America/New_York`,
 * `Asia/Almaty` without an entry here. Matching folds case and accents
 * (`Lomé` = `lome`, `Кишинёв` = `Кишинев`) and treats `-`, `_` and spaces alike.
 *
 * Coverage: the campaign's region (Kazakhstan, its neighbours, Russia,
 * Ukraine), the signatories' countries, and the biggest capitals; plus
 * Kazakhstan itself, which has one offset.
 *
 * Why not a package: npm's `city-timezones` (MIT, 7,300 cities) was checked
 * and not used: it ships a 1.9 MB JSON that is loaded whole to match one name,
 * holds Latin names only (no Москва, Київ, Астана) and lacks `Kiev`,
 * `Nur-Sultan` or `Zhanaozen`; `@vvo/tzdb` groups zones by their current offset
 * rather than by city. A short table in the repository is easier to check.
 *
 * Kazakhstan has kept one offset, UTC+5, since 1 March 2024 (tzdata 2024a).
 * Cities map to the zone the tz database assigns to their region
 * (zone1970.tab): Astana, like most of the country, is `Asia/Almaty`, which is
 * UTC+5 today and also right for past dates; `Asia/Qostanay`, `Asia/Aqtobe`,
 * `Asia/Aqtau` (Mangystau, with Zhanaozen), `Asia/Atyrau`, `Asia/Oral` and
 * `Asia/Qyzylorda` are only for their own regions.
 */

/** Each IANA zone with the city names (any script) that mean it. */
export const CITY_NAMES: readonly (readonly [zone: string, names: readonly string[]])[] = [
  // Kazakhstan
  ['Asia/Almaty', [
    'Алматы', 'Алма-Ата', 'Alma-Ata', 'Astana', 'Астана', 'Nur-Sultan', 'Нур-Султан', 'Нұр-Сұлтан', 'Akmola', 'Ақмола',
    'Shymkent', 'Шымкент', 'Karaganda', 'Karagandy', 'Qaraghandy', 'Qarağandy', 'Караганда', 'Қарағанды', 'Pavlodar', 'Павлодар',
    'Semey', 'Semipalatinsk', 'Семей', 'Семипалатинск', 'Oskemen', 'Ust-Kamenogorsk', 'Өскемен', 'Усть-Каменогорск',
    'Taraz', 'Тараз', 'Turkistan', 'Turkestan', 'Түркістан', 'Туркестан', 'Petropavl', 'Petropavlovsk', 'Петропавл',
    'Петропавловск', 'Kokshetau', 'Көкшетау', 'Кокшетау', 'Taldykorgan', 'Талдықорған', 'Талдыкорган',
    'Zhezkazgan', 'Жезқазған', 'Жезказган', 'Ekibastuz', 'Екібастұз', 'Экибастуз', 'Temirtau', 'Теміртау', 'Темиртау',
    'Kazakhstan', 'Казахстан', 'Қазақстан',
  ]],
  ['Asia/Qyzylorda', ['Kyzylorda', 'Қызылорда', 'Кызылорда']],
  ['Asia/Qostanay', ['Kostanay', 'Kustanay', 'Қостанай', 'Костанай', 'Rudny', 'Рудный']],
  ['Asia/Aqtobe', ['Aktobe', 'Ақтөбе', 'Актобе', 'Актюбинск']],
  ['Asia/Aqtau', ['Aktau', 'Ақтау', 'Актау', 'Zhanaozen', 'Janaozen', 'Жаңаөзен', 'Жанаозен', 'Mangystau', 'Маңғыстау', 'Мангистау']],
  ['Asia/Atyrau', ['Атырау', 'Гурьев']],
  ['Asia/Oral', ['Uralsk', 'Орал', 'Уральск']],
  // Neighbours
  ['Asia/Bishkek', ['Бишкек', 'Бішкек']],
  ['Asia/Tashkent', ['Ташкент', 'Тошкент', 'Тәшкен', 'Samarkand', 'Самарканд']],
  ['Asia/Dushanbe', ['Душанбе']],
  ['Asia/Ashgabat', ['Ашхабад', 'Ашгабат']],
  ['Asia/Baku', ['Баку']],
  ['Asia/Tbilisi', ['Тбилиси', 'Тбілісі']],
  ['Asia/Yerevan', ['Ереван', 'Єреван']],
  ['Asia/Urumqi', ['Урумчи', 'Үрімші']],
  ['Asia/Shanghai', ['Beijing', 'Peking', 'Пекин', 'Пекін', 'Бейжің', 'Шанхай']],
  // Russia
  ['Europe/Moscow', [
    'Москва', 'Мәскеу', 'Saint Petersburg', 'St Petersburg', 'Petersburg', 'Санкт-Петербург', 'Петербург', 'Kazan', 'Казань',
    'Nizhny Novgorod', 'Нижний Новгород', 'Rostov-on-Don', 'Ростов-на-Дону',
  ]],
  ['Europe/Samara', ['Самара']],
  ['Europe/Volgograd', ['Волгоград']],
  ['Asia/Yekaterinburg', ['Ekaterinburg', 'Екатеринбург', 'Chelyabinsk', 'Челябинск', 'Ufa', 'Уфа', 'Perm', 'Пермь']],
  ['Asia/Omsk', ['Омск']],
  ['Asia/Novosibirsk', ['Новосибирск']],
  ['Asia/Krasnoyarsk', ['Красноярск']],
  ['Asia/Vladivostok', ['Владивосток']],
  // Ukraine, Belarus, Moldova
  ['Europe/Kyiv', [
    'Kiev', 'Київ', 'Киев', 'Kharkiv', 'Kharkov', 'Харків', 'Харьков', 'Odesa', 'Odessa', 'Одеса', 'Одесса',
    'Dnipro', 'Дніпро', 'Днепр', 'Lviv', 'Львів', 'Львов', 'Zaporizhzhia', 'Запоріжжя', 'Запорожье',
  ]],
  ['Europe/Minsk', ['Минск', 'Мінск']],
  ['Europe/Chisinau', ['Кишинёв', 'Кишинів']],
  // Europe
  ['Europe/Berlin', ['Берлин', 'Берлін', 'Munich', 'Hamburg', 'Frankfurt', 'Cologne']],
  ['Europe/London', ['Лондон']],
  ['Europe/Paris', ['Париж', 'Lyon', 'Marseille']],
  ['Europe/Rome', ['Рим', 'Milan']],
  ['Europe/Madrid', ['Мадрид', 'Barcelona']],
  ['Europe/Lisbon', ['Лиссабон', 'Лісабон', 'Porto']],
  ['Europe/Warsaw', ['Варшава']],
  ['Europe/Prague', ['Прага']],
  ['Europe/Vienna', ['Вена', 'Відень']],
  ['Europe/Stockholm', ['Стокгольм', 'Gothenburg', 'Göteborg']],
  ['Europe/Helsinki', ['Хельсинки', 'Гельсінкі']],
  ['Europe/Zurich', ['Bern', 'Berne', 'Geneva', 'Genève', 'Basel', 'Lausanne']],
  ['Europe/Brussels', ['Брюссель']],
  ['Europe/Amsterdam', ['Амстердам', 'Rotterdam', 'The Hague']],
  ['Europe/Istanbul', ['Стамбул', 'Ыстамбұл', 'Стамбұл', 'Ankara', 'Анкара', 'Izmir', 'Diyarbakir', 'Amed']],
  ['Europe/Athens', ['Афины', 'Афіни']],
  ['Europe/Sofia', ['София', 'Софія']],
  // Americas, Africa, Asia, Oceania
  ['America/New_York', ['Нью-Йорк', 'Washington', 'Washington DC', 'Вашингтон', 'Boston', 'Philadelphia']],
  ['America/Los_Angeles', ['Лос-Анджелес', 'San Francisco', 'Seattle']],
  ['America/Chicago', ['Чикаго']],
  ['America/Toronto', ['Ottawa', 'Оттава', 'Торонто']],
  ['America/Mexico_City', ['Мехико']],
  ['America/Sao_Paulo', ['Brasilia', 'Rio de Janeiro', 'Бразилиа', 'Сан-Паулу']],
  ['Africa/Cairo', ['Каир', 'Каїр']],
  ['Africa/Casablanca', ['Rabat']],
  ['Africa/Douala', ['Yaounde', 'Yaoundé']],
  ['Africa/Johannesburg', ['Pretoria', 'Cape Town', 'Йоханнесбург']],
  ['Asia/Kolkata', ['Delhi', 'New Delhi', 'Mumbai', 'Bombay', 'Bengaluru', 'Bangalore', 'Дели', 'Делі', 'Нью-Дели']],
  ['Asia/Tokyo', ['Токио', 'Токіо']],
  ['Asia/Seoul', ['Сеул']],
  ['Asia/Tehran', ['Тегеран']],
  ['Asia/Dubai', ['Дубай', 'Abu Dhabi']],
  ['Australia/Sydney', ['Canberra', 'Сидней']],
];
