/**
 * The shop's own price list. Prices live here, on the server: the client only ever sends an
 * episode id, never an amount (spec §5.7 "never trust client prices").
 */
export interface Episode {
  episode_id: string;
  drama_id: string;
  number: number;
  title: string;
  /** Beans; 0 = free to watch. */
  price_beans: number;
  poster_url: string;
}

export interface Drama {
  drama_id: string;
  title: string;
  episodes: Episode[];
}

const DRAMA_ID = 'midnight-heir';
const TITLES = [
  'The Stranger at the Gate',
  'A Will Unread',
  'Seven Keys',
  'The Locked Study',
  'Letters from Lisbon',
  'The Second Heir',
  'Midnight Ledger',
  'The Butler Knows',
  'Fire in the East Wing',
  'The Heir Returns',
];

function episode(number: number, title: string): Episode {
  // The first two episodes are free; later ones cost more as the story builds.
  const price_beans = number <= 2 ? 0 : number <= 6 ? 30 : 50;
  return {
    episode_id: `${DRAMA_ID}-ep${String(number).padStart(2, '0')}`,
    drama_id: DRAMA_ID,
    number,
    title,
    price_beans,
    poster_url: `https://example.com/posters/${DRAMA_ID}/${number}.jpg`,
  };
}

export const DEFAULT_CATALOGUE: readonly Drama[] = [
  {
    drama_id: DRAMA_ID,
    title: 'The Midnight Heir',
    episodes: TITLES.map((title, i) => episode(i + 1, title)),
  },
];

export class Catalogue {
  readonly #episodes = new Map<string, Episode & { drama_title: string }>();

  constructor(readonly dramas: readonly Drama[] = DEFAULT_CATALOGUE) {
    for (const drama of dramas) {
      for (const ep of drama.episodes) {
        if (!Number.isSafeInteger(ep.price_beans) || ep.price_beans < 0) {
          throw new Error(
            `catalogue: ${ep.episode_id}.price_beans must be a whole number of Beans >= 0, found ${ep.price_beans}`,
          );
        }
        if (this.#episodes.has(ep.episode_id))
          throw new Error(`catalogue: duplicate episode_id ${ep.episode_id}`);
        this.#episodes.set(ep.episode_id, { ...ep, drama_title: drama.title });
      }
    }
  }

  episode(episodeId: string): (Episode & { drama_title: string }) | undefined {
    return this.#episodes.get(episodeId);
  }

  /** Every distinct paid price, for `check_redeem_amounts` before putting prices on sale. */
  paidPrices(): number[] {
    return [...new Set([...this.#episodes.values()].map((e) => e.price_beans).filter((p) => p > 0))].sort(
      (a, b) => a - b,
    );
  }
}
