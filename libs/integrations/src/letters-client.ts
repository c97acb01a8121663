import type { LetterChannel, LetterLanguage } from '@tnw/domain';
import { PartnerClient } from './partner-http';

export const LETTER_LANGUAGES: readonly LetterLanguage[] = ['nl', 'fr', 'de'];

export interface SendLetterRequest {
  caseId: string;
  nationalNumber: string;
  language: LetterLanguage;
  /** What the letter is about, e.g. `invitation` or `trainingProjectDecision`. */
  kind: string;
  /** A registered letter (aangetekend schrijven) where the law requires one (D21). */
  registered: boolean;
}

export interface SentLetter {
  letterId: string;
  /** The eBox when the person activated their digital mailbox; registered letters always go on paper. */
  channel: LetterChannel;
  registered: boolean;
  /** The postal tracking number of a registered letter. */
  trackingNumber?: string;
  /** ISO 8601 instant. */
  sentAt: string;
}

/** The letter service: reaches the insured in their eBox or on paper, in their language. */
export class LettersClient extends PartnerClient {
  constructor(baseUrl: string) {
    super('letters', baseUrl);
  }

  send(letter: SendLetterRequest, idempotencyKey: string): Promise<SentLetter> {
    return this.post('/letters', letter, idempotencyKey);
  }
}
