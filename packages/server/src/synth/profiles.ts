import type { Profile, ProfileKey } from './profile';
import { CHINA } from './profiles/china';
import { US } from './profiles/us';

/** The profiles by key. */
export const PROFILES: Readonly<Record<ProfileKey, Profile>> = { china: CHINA, us: US };
