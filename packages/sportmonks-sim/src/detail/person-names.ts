// First and last names for made-up players and referees, loosely by country of the league.

const FIRST: Record<string, string[]> = {
  dk: ['Mikkel', 'Jonas', 'Rasmus', 'Kasper', 'Andreas', 'Mads', 'Frederik', 'Magnus', 'Oliver', 'Emil', 'Lucas', 'Nicolai', 'Søren', 'Jesper', 'Anders', 'Viktor'],
  sc: ['Callum', 'Kieran', 'Ross', 'Scott', 'Ryan', 'Craig', 'Lewis', 'Jamie', 'Fraser', 'Liam', 'Stuart', 'Greg', 'Ewan', 'Calum', 'Andy', 'Dylan'],
  any: ['Luca', 'Marco', 'Jan', 'Thomas', 'Paul', 'Daniel', 'Mateo', 'Diego', 'Leon', 'Noah', 'Adam', 'Samuel', 'Hugo', 'Ivan', 'Pedro', 'Kevin', 'Ali', 'Joel'],
};

const LAST: Record<string, string[]> = {
  dk: ['Jensen', 'Nielsen', 'Hansen', 'Pedersen', 'Andersen', 'Christensen', 'Larsen', 'Sørensen', 'Rasmussen', 'Jørgensen', 'Madsen', 'Kristensen', 'Olsen', 'Thomsen', 'Poulsen', 'Dolberg'],
  sc: ['McGregor', 'Robertson', 'Campbell', 'Stewart', 'Anderson', 'MacDonald', 'Paterson', 'McLean', 'Fraser', 'Henderson', 'Ferguson', 'McKenna', 'Ritchie', 'Shankland', 'Kerr', 'Gordon'],
  any: ['Müller', 'Rossi', 'García', 'Silva', 'Novak', 'Kowalski', 'Dubois', 'Bakker', 'Costa', 'Schmidt', 'Fernández', 'Weber', 'Ricci', 'Moreau', 'Janssen', 'Petrov', 'Okafor', 'Diallo'],
};

function region(countryId: number): string {
  if (countryId === 320) return 'dk';
  if (countryId === 1161 || countryId === 462) return 'sc';
  return 'any';
}

/** More last names, only for someone whose drawn name is already taken. */
const MORE_LAST: Record<string, string[]> = {
  dk: ['Mortensen', 'Johansen', 'Knudsen', 'Mikkelsen', 'Frederiksen', 'Holm', 'Lund', 'Schmidt', 'Eriksen', 'Berg', 'Skov', 'Kjær', 'Bach', 'Vestergaard', 'Dahl', 'Lindberg'],
  sc: ['Reid', 'Murray', 'Taylor', 'Clark', 'Ross', 'Young', 'Mitchell', 'Watson', 'Morrison', 'Scott', 'Black', 'Hamilton', 'Graham', 'Kennedy', 'Wallace', 'Duncan'],
  any: ['Ramos', 'Bianchi', 'Fischer', 'Kovač', 'Lefebvre', 'Visser', 'Ferreira', 'Romano', 'Wagner', 'Nowak', 'Ivanov', 'Mensah', 'Horvat', 'Lindqvist', 'Santos', 'Keller'],
};

/**
 * [first name, last name] for someone from `countryId`; `take` draws numbers in [0, 1). A name in
 * `taken` (a club's or league's people so far) is swapped for the next free last name, so that no
 * two players of a squad share one; the draws stay the same, so nobody else's name changes.
 */
export function personName(countryId: number, take: () => number, taken?: Set<string>): [string, string] {
  const r = region(countryId);
  const firsts = FIRST[r] ?? [];
  const lasts = LAST[r] ?? [];
  const first = firsts[Math.floor(take() * firsts.length)] ?? 'Jan';
  const drawn = Math.floor(take() * lasts.length);
  const names = [...lasts, ...(MORE_LAST[r] ?? [])];
  for (let k = 0; k < names.length; k++) {
    const last = names[(drawn + k) % names.length] ?? 'Jensen';
    if (!taken?.has(`${first} ${last}`)) {
      taken?.add(`${first} ${last}`);
      return [first, last];
    }
  }
  return [first, lasts[drawn] ?? 'Jensen'];
}
