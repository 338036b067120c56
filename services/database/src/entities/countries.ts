import type { Country } from '@insightxi/contracts';
import { fieldSpec } from './spec.ts';

export const countrySpec = fieldSpec<Country>({
  entity: 'countries',
  table: 'countries',
  fields: ['id', 'continentId', 'name', 'officialName', 'fifaName', 'iso2', 'iso3', 'latitude', 'longitude', 'imagePath'],
  references: [],
});
