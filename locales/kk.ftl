# Placard-тың өз сөздері қазақша. Науқан дәйексөздері мұнда жоқ.

## /language
language-title = Тіл
language-current = Бұл чаттың тілі: { $name }.
language-not-set = Тіл әлі таңдалмаған.
language-choose = Бот жауаптарының тілін таңдаңыз:
language-saved-title = Тіл сақталды
language-saved = Бұл чаттың тілі енді: { $name }.
language-unknown = Белгісіз тіл: «{ $given }». en, ru немесе kk таңдаңыз.
language-partial = Placard-тың басқа жауаптарының көбі әзірге ағылшынша; орыс және қазақ тілдері жақында қосылады.
