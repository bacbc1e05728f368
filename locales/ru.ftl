# Собственные слова Placard по-русски. Цитаты кампании сюда не входят.

## /language
language-title = Язык
language-current = Язык этого чата: { $name }.
language-not-set = Язык здесь ещё не выбран.
language-choose = Выберите язык ответов бота:
language-saved-title = Язык сохранён
language-saved = Язык этого чата теперь: { $name }.
language-unknown = Неизвестный язык «{ $given }». Выберите en, ru или kk.
language-partial = Большинство других ответов Placard пока на английском; русский и казахский скоро появятся.
