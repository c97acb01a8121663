import type { MembershipResult } from '@tnw/contracts';
import { PartnerEndpoint, postToPartner } from './partner-http';

/** The mutuality: membership and incapacity status of an insured person. */
export class MutualityClient {
  private readonly endpoint: PartnerEndpoint;

  constructor(baseUrl: string) {
    this.endpoint = { partner: 'mutuality', baseUrl };
  }

  /** The national number travels in the body, never in the URL. */
  lookUpMember(nationalNumber: string, idempotencyKey: string): Promise<MembershipResult> {
    return postToPartner(this.endpoint, '/mutuality/members/lookup', { nationalNumber }, idempotencyKey);
  }
}
