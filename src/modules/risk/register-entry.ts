import { optionalText, requiredText } from '../../validation';

/**
 * What risks and issues share: each is an entry of its programme's register, under a reference
 * unique in that programme, with the same texts (an issue raised from a risk takes the risk's).
 */
export interface RegisterEntry {
  id: string;
  programmeId: string;
  programmeCode: string;
  reference: string;
  title: string;
  description: string | null;
  owner: string | null;
  confidential: boolean;
  version: number;
}

/** A new entry's texts, checked in this order: reference (20), title (500), description, owner (200); blank optional ones are none. */
export function entryTexts(input: { reference: string; title: string; description?: string | null; owner?: string | null }) {
  return {
    reference: requiredText('reference', input.reference, 20),
    title: requiredText('title', input.title, 500),
    description: optionalText('description', input.description) ?? null,
    owner: optionalText('owner', input.owner, 200) ?? null,
  };
}
