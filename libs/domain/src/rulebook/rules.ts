import type { Period } from '../calendar/dates';
import type { IsoDate } from '../types';
import type { RuleDefinitions } from './rule-values';

/**
 * The rules as data. Each version cites its DOMAIN.md rule and the source behind it
 * (seed file numbers as in DOMAIN.md, "public" for public sources). Where a source gives no
 * exact date, the date chosen is stated as an assumption in the citation.
 */

/** The sickness and invalidity insurance law coordinated on 14 July 1994: earliest date modelled. */
const COORDINATED_LAW_1994: IsoDate = '1994-07-14';
/** The 2016 reintegration decrees; reintegration rules before them are not modelled. */
const REINTEGRATION_DECREES_2016: IsoDate = '2016-12-01';
/** D3: start of return-to-work trajectories (employees' regime). */
const TRAJECTORIES_2022: IsoDate = '2022-01-01';
const OBLIGATIONS_2026: IsoDate = '2026-01-01';

const days = (amount: number): Period => ({ amount, unit: 'days' });
const weeks = (amount: number): Period => ({ amount, unit: 'weeks' });
const months = (amount: number): Period => ({ amount, unit: 'months' });
const years = (amount: number): Period => ({ amount, unit: 'years' });

const SINCE_2022_ASSUMED = 'Assumption: "since 2022" read as from 2022-01-01, the start of trajectories (D3).';
const NOT_MODELLED_BEFORE_1994 = 'Law coordinated on 14 July 1994; earlier law not modelled.';

export function ruleDefinitions(config: { invalidityRenewalFrom?: IsoDate }): RuleDefinitions {
  return {
    'invalidity.startsAfter': {
      governs:
        'Invalidity starts when the incapacity has lasted this long (start + 1 year); before that it is primary incapacity.',
      versions: [
        {
          from: COORDINATED_LAW_1994,
          value: years(1),
          citation: {
            domainRule: 'D1',
            source: `[001], [002]: primary incapacity < 1 year, invalidity >= 1 year. ${NOT_MODELLED_BEFORE_1994}`,
          },
        },
      ],
    },
    'scope.recognisedIncapacity': {
      governs:
        'A trajectory is for a person recognised unfit for work with a sickness or invalidity benefit, on a day of that incapacity.',
      versions: [
        {
          from: TRAJECTORIES_2022,
          value: 'The insured is recognised unfit for work and receives a benefit on the day considered.',
          citation: { domainRule: 'D1', source: '[001] target group: primary incapacity and invalidity.' },
        },
      ],
    },
    'scope.excludedCategories': {
      governs:
        'People who cannot start a trajectory: work accident, occupational disease (Fedris), statutory civil servants (MEDEX).',
      versions: [
        {
          from: TRAJECTORIES_2022,
          value: ['workAccident', 'occupationalDisease', 'statutoryCivilServant'],
          citation: {
            domainRule: 'D2',
            source: '[001] RIZIV webinar "Terug Naar Werk: de toegangspoorten uitgelegd", target group.',
          },
        },
      ],
    },
    'regime.employee.since': {
      governs: "Date from which insured persons in the employees' regime can start a trajectory.",
      versions: [
        {
          from: '2022-01-01',
          value: '2022-01-01',
          citation: { domainRule: 'D3', source: "[001]: employees' regime since 2022-01-01." },
        },
      ],
    },
    'regime.selfEmployed.since': {
      governs: 'Date from which insured persons in the self-employed regime can start a trajectory.',
      versions: [
        {
          from: '2023-01-01',
          value: '2023-01-01',
          citation: { domainRule: 'D3', source: '[001]: self-employed regime since 2023-01-01.' },
        },
      ],
    },
    'participation.voluntary': {
      governs: 'A trajectory needs the consent of the insured, who can stop it at any moment.',
      versions: [
        {
          from: TRAJECTORIES_2022,
          value: 'Participation is voluntary; the insured can stop a trajectory at any moment.',
          citation: { domainRule: 'D4', source: '[001], [002].' },
        },
      ],
    },
    'relapse.primaryWindow': {
      governs: 'A new incapacity starting within this period after a primary-incapacity period ends continues the same episode.',
      versions: [
        {
          from: COORDINATED_LAW_1994,
          value: days(14),
          citation: {
            domainRule: 'D5',
            source: `[002]: "binnen veertien kalenderdagen opnieuw ziek". ${NOT_MODELLED_BEFORE_1994}`,
          },
        },
      ],
    },
    'relapse.invalidityWindow': {
      governs: 'A new incapacity starting within this period after an invalidity period ends continues the same episode.',
      versions: [
        {
          from: COORDINATED_LAW_1994,
          value: months(3),
          citation: {
            domainRule: 'D5',
            source: `[002]: relapse period in invalidity raised to three months. ${NOT_MODELLED_BEFORE_1994}`,
          },
        },
      ],
    },
    'advisingPhysician.firstAssessmentWithin': {
      governs:
        'The advising physician assesses reintegration possibilities at the latest this long after the declaration of incapacity.',
      versions: [
        {
          from: REINTEGRATION_DECREES_2016,
          to: '2021-12-31',
          value: months(2),
          citation: {
            domainRule: 'D6',
            source:
              '[002]: 2016 royal decree, "uiterlijk twee maanden na de aangifte". Superseded from 2022-01-01 by the questionnaire (D7) and the month-4 classification (D8) (assumption: same date as D7).',
          },
        },
      ],
    },
    'advisingPhysician.followUpEvery': {
      governs: "The advising physician follows a trajectory's progress at this interval.",
      versions: [
        {
          from: REINTEGRATION_DECREES_2016,
          value: months(3),
          citation: {
            domainRule: 'D6',
            source: '[002]: "volgt de progressie van het re-integratietraject om de drie maanden op".',
          },
        },
      ],
    },
    'occupationalPhysician.fromMonth': {
      governs: 'Month of incapacity from which the occupational physician can act on a reintegration at the own employer.',
      versions: [
        {
          from: REINTEGRATION_DECREES_2016,
          to: '2025-12-31',
          value: 4,
          citation: {
            domainRule: 'D6',
            source: '[002]: the employer may ask for a reintegration trajectory from four months of incapacity.',
          },
        },
        {
          from: OBLIGATIONS_2026,
          value: 1,
          citation: { domainRule: 'D11', source: '[003]: since 2026-01-01 the occupational physician acts from month 1.' },
        },
      ],
    },
    'questionnaire.sendAtEndOfWeek': {
      governs: 'The questionnaire (quickscan) is sent at the end of this week of incapacity.',
      versions: [
        {
          from: TRAJECTORIES_2022,
          value: 10,
          citation: { domainRule: 'D7', source: `public (RIZIV): questionnaire at the end of week 10. ${SINCE_2022_ASSUMED}` },
        },
      ],
    },
    'questionnaire.returnWithin': {
      governs: 'The questionnaire must be returned within this period after it was sent.',
      versions: [
        {
          from: TRAJECTORIES_2022,
          value: weeks(2),
          citation: { domainRule: 'D7', source: `public (RIZIV): return within 2 weeks. ${SINCE_2022_ASSUMED}` },
        },
      ],
    },
    'category.decisionAtMonth': {
      governs: 'Month of incapacity in which the advising physician classifies remaining capacity (categories 1-4).',
      versions: [
        {
          from: TRAJECTORIES_2022,
          value: 4,
          citation: { domainRule: 'D8', source: `public (RIZIV): classification in month 4. ${SINCE_2022_ASSUMED}` },
        },
      ],
    },
    'coordinator.firstContactWithin': {
      governs: 'The coordinator contacts a referred person within this period after the referral.',
      versions: [
        {
          from: TRAJECTORIES_2022,
          value: months(1),
          citation: { domainRule: 'D9', source: `public; [003] performance-based funding. ${SINCE_2022_ASSUMED}` },
        },
      ],
    },
    'contactMoments.months': {
      governs: 'Months of the first year with a fixed contact moment with the advising physician or the team.',
      versions: [
        {
          from: '2023-01-01',
          value: [4, 7, 11],
          citation: {
            domainRule: 'D10',
            source: '[003] "vaste contactmomenten" (2023 wave); months: public. Assumption: in force from 2023-01-01.',
          },
        },
      ],
    },
    'employer.workPotentialAssessmentAfter': {
      governs: 'The employer has the work potential assessed once the incapacity has lasted this long.',
      versions: [
        {
          from: OBLIGATIONS_2026,
          value: weeks(8),
          citation: { domainRule: 'D11', source: '[003] 2026 obligations; 8 weeks: public.' },
        },
      ],
    },
    'employer.reintegrationStartWithin': {
      governs:
        'For a person with a contract and work potential, the employer starts a reintegration within this period of incapacity.',
      versions: [
        {
          from: OBLIGATIONS_2026,
          value: months(6),
          citation: { domainRule: 'D11', source: '[003] 2026 obligations and deadlines.' },
        },
      ],
    },
    'noContract.firstConversationWithin': {
      governs:
        'A person without a contract but with work potential has a first conversation at the employment service within this period of registering.',
      versions: [
        {
          from: OBLIGATIONS_2026,
          value: months(1),
          citation: {
            domainRule: 'D11',
            source: '[003] 2026 obligations: registration at the employment service, first conversation within the month.',
          },
        },
      ],
    },
    'routeA.advisingPhysicianReferral': {
      governs:
        'Route A starts when the advising physician judges there are remaining capacities and refers the person to the coordinator.',
      versions: [
        {
          from: TRAJECTORIES_2022,
          value: 'The advising physician judges the person has remaining capacities and refers them to the coordinator.',
          citation: { domainRule: 'D13', source: '[001] route A.' },
        },
      ],
    },
    'routeB.advisingPhysicianAgreement': {
      governs: "Route B (the insured's own request) needs the advising physician's agreement that health allows a trajectory.",
      versions: [
        {
          from: TRAJECTORIES_2022,
          value: 'The advising physician must agree that the health condition allows a trajectory.',
          citation: { domainRule: 'D14', source: '[001] route B.' },
        },
      ],
    },
    'routeC.openedByService': {
      governs: 'Date from which each employment service accepts spontaneous registrations of persons in invalidity (route C).',
      versions: [
        {
          from: '2023-03-01',
          to: '2024-03-31',
          value: { VDAB: '2023-03-01', ACTIRIS: '2023-03-01', FOREM: '2023-05-22' },
          citation: {
            domainRule: 'D15',
            source:
              '[001] pilot March 2023 to 2024-03-31: VDAB 2023-03-01, Forem 2023-05-22, Actiris "March 2023" (assumed 2023-03-01); ADG not listed, so not open.',
          },
        },
        {
          from: '2024-04-01',
          value: { VDAB: '2023-03-01', ACTIRIS: '2023-03-01', FOREM: '2023-05-22' },
          citation: {
            domainRule: 'D15',
            source:
              '[000]: route C still growing in 2025. Assumption: continued after the pilot with the same services; ADG still not listed.',
          },
        },
      ],
    },
    'routeC.spontaneousRegistrationOnly': {
      governs: 'Route C is never started at the request of the mutuality, only by the spontaneous registration of the insured.',
      versions: [
        {
          from: '2023-03-01',
          value: 'Route C starts only on the spontaneous registration of the insured at the employment service.',
          citation: { domainRule: 'D15', source: '[001] "Route C kan niet opgestart worden op vraag van het ziekenfonds".' },
        },
      ],
    },
    'routeC.invalidityConfirmedByMutuality': {
      governs: 'Before a route C trajectory starts, the mutuality confirms that the person is recognised in invalidity.',
      versions: [
        {
          from: '2023-03-01',
          value: 'The mutuality must confirm the invalidity before the trajectory starts.',
          citation: { domainRule: 'D15', source: '[001] route C: invalidity confirmed by the mutuality.' },
        },
      ],
    },
    'employmentService.byResidence': {
      governs:
        'The employment service follows the residence: Flanders VDAB, Wallonia Le Forem, Brussels Actiris, German-speaking Community ADG.',
      versions: [
        {
          from: REINTEGRATION_DECREES_2016,
          value:
            'Flanders: VDAB (nl); Wallonia: Le Forem (fr); Brussels-Capital: Actiris (nl or fr); the nine municipalities of the German-speaking Community: ADG (de).',
          citation: {
            domainRule: 'D18',
            source: '[004], [000], public: regional employment services; postal-code ranges by bpost.',
          },
        },
      ],
    },
    'rtwFund.eligibleGroups': {
      governs: 'Who can be guided by a private provider paid by the return-to-work fund.',
      versions: [
        {
          from: '2024-04-01',
          to: '2025-03-31',
          value: ['medicalForceMajeure'],
          citation: {
            domainRule: 'D17d',
            source: '[000]: since April 2024 for persons whose contract was ended for medical force majeure.',
          },
        },
        {
          from: '2025-04-01',
          value: ['medicalForceMajeure', 'incapacityOverOneYear'],
          citation: {
            domainRule: 'D17d',
            source: '[000]: from April 2025 extended to everyone recognised unfit for more than a year.',
          },
        },
      ],
    },
    'codex.assessmentWithin': {
      governs: 'The occupational physician assesses within this period of receiving a reintegration request (Codex).',
      versions: [
        {
          from: '2022-10-01',
          value: days(49),
          citation: { domainRule: 'D19', source: 'public: Codex welzijn op het werk, version of 2022-10-01: 49 calendar days.' },
        },
      ],
    },
    'codex.planWithinAfterDecisionA': {
      governs: "The employer's reintegration plan is due within this period after an A decision (temporarily unfit).",
      versions: [
        {
          from: '2022-10-01',
          value: days(63),
          citation: { domainRule: 'D19', source: 'public: Codex version of 2022-10-01: plan within 63 days (A).' },
        },
      ],
    },
    'codex.planWithinAfterDecisionB': {
      governs: "The employer's reintegration plan is due within this period after a B decision (definitively unfit).",
      versions: [
        {
          from: '2022-10-01',
          value: months(6),
          citation: { domainRule: 'D19', source: 'public: Codex version of 2022-10-01: plan within 6 months (B).' },
        },
      ],
    },
    'codex.acceptPlanWithin': {
      governs: 'The worker accepts or refuses the reintegration plan within this period of receiving it.',
      versions: [
        {
          from: '2022-10-01',
          value: days(14),
          citation: { domainRule: 'D19', source: 'public: Codex version of 2022-10-01: 14 days to accept.' },
        },
      ],
    },
    'presumption.maxDuration': {
      governs: 'The presumption of incapacity that starts with the signed engagement declaration lasts at most this long.',
      versions: [
        {
          from: TRAJECTORIES_2022,
          value: months(6),
          citation: { domainRule: 'D20', source: '[001]: "vermoeden van arbeidsongeschiktheid van maximaal 6 maanden".' },
        },
      ],
    },
    'letters.registeredLetterRequiredFor': {
      governs: 'Letters that must be sent as a registered letter.',
      versions: [
        {
          from: TRAJECTORIES_2022,
          value: ['trainingProjectDecision'],
          citation: {
            domainRule: 'D21',
            source: '[001]: the HCGRI decision on a training project is sent by registered letter ("aangetekend schrijven").',
          },
        },
      ],
    },
    'training.reevaluationAfter': {
      governs: 'The advising physician re-evaluates the incapacity this long after a training project was passed.',
      versions: [
        {
          from: TRAJECTORIES_2022,
          value: months(6),
          citation: { domainRule: 'D22', source: '[001]: "6 maanden na het slagen van het opleidingsproject".' },
        },
      ],
    },
    'partialResumption.requestDueWorkingDaysBefore': {
      governs:
        'The declaration and request for a partial resumption are due at the latest this many working days before the resumption.',
      versions: [
        {
          from: TRAJECTORIES_2022,
          value: 1,
          citation: {
            domainRule: 'D23',
            source:
              '[001]: "uiterlijk de eerste werkdag die onmiddellijk aan de werkhervatting voorafgaat". Assumption: in force at least since 2022-01-01; earlier versions not modelled.',
          },
        },
      ],
    },
    'workingDays.weekdays': {
      governs: 'Weekdays that count as working days for declarations to the mutuality (Belgian public holidays never count).',
      versions: [
        {
          from: TRAJECTORIES_2022,
          value: ['mon', 'tue', 'wed', 'thu', 'fri'],
          citation: {
            domainRule: 'D23',
            source:
              '[001] "werkdag"; DOMAIN.md: public holidays are not working days. Assumption: Monday to Friday, as mutualities state that a term ending on a Saturday, Sunday or public holiday moves to the next working day (public, e.g. fsmb.be) and the benefit six-day scheme is not used for declaration terms.',
          },
        },
      ],
    },
    'invalidity.renewalCertificateMaxValidity': {
      governs: "The treating physician's certificate renewing invalidity is valid for at most this long.",
      versions: config.invalidityRenewalFrom
        ? [
            {
              from: config.invalidityRenewalFrom,
              value: months(12),
              citation: {
                domainRule: 'D24',
                source: '[003] yearly renewal of invalidity (in preparation in 2026); effective date configured, not from law.',
              },
            },
          ]
        : [],
    },
  };
}
