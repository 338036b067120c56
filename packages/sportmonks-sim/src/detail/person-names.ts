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

/** [first name, last name] for someone from `countryId`; `take` draws numbers in [0, 1). */
export function personName(countryId: number, take: () => number): [string, string] {
  const r = region(countryId);
  const firsts = FIRST[r] ?? [];
  const lasts = LAST[r] ?? [];
  return [firsts[Math.floor(take() * firsts.length)] ?? 'Jan', lasts[Math.floor(take() * lasts.length)] ?? 'Jensen'];
}
