import { Injectable } from '@nestjs/common';
import type { SendLetterRequest, SentLetter } from '@tnw/integrations';
import { randomUUID } from 'node:crypto';
import { RecordBook } from '../simulation/record-book';
import { SimulationState } from '../simulation/simulation-state';

/** A letter as the office lists it: without the addressee's national number. */
export type LetterRecord = SentLetter & Pick<SendLetterRequest, 'caseId' | 'language' | 'kind'>;

/**
 * Sends letters to the insured: in their eBox when they activated it, else on paper; a
 * registered letter always goes by registered paper mail, with a tracking number.
 */
@Injectable()
export class LetterOffice {
  private readonly letters: RecordBook<LetterRecord>;
  /** Persons whose eBox activation was set through the admin route, by national number. */
  private readonly eboxActivations: RecordBook<boolean>;

  constructor(state: SimulationState) {
    this.letters = new RecordBook(state, 'letter');
    this.eboxActivations = new RecordBook(state, 'eBox activation');
  }

  send({ caseId, nationalNumber, language, kind, registered }: SendLetterRequest): SentLetter {
    const sent: SentLetter = {
      letterId: randomUUID(),
      channel: !registered && this.hasActivatedEbox(nationalNumber) ? 'ebox' : 'paper',
      registered,
      // The counter starts at 1 after each reset, so tracking numbers are reproducible.
      ...(registered && { trackingNumber: `RR${String(this.letters.size + 1).padStart(9, '0')}BE` }),
      sentAt: new Date().toISOString(),
    };
    this.letters.set(sent.letterId, { ...sent, caseId, language, kind });
    return sent;
  }

  list(caseId?: string): LetterRecord[] {
    return this.letters.list().filter((letter) => caseId === undefined || letter.caseId === caseId);
  }

  setEboxActivation(nationalNumber: string, activated: boolean): void {
    this.eboxActivations.set(nationalNumber, activated);
  }

  /** Simulator rule unless set: people whose serial number (digits 7-9) is even have activated their eBox. */
  private hasActivatedEbox(nationalNumber: string): boolean {
    return this.eboxActivations.find(nationalNumber) ?? Number(nationalNumber.slice(6, 9)) % 2 === 0;
  }
}
