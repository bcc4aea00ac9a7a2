import { z } from 'zod';

/**
 * Case-work events share one aggregate stream, keyed by case id, so that a consumer sees everything
 * about a case in order. They carry ids, codes and times, never personal data: no names, no document
 * numbers, no notes, and nothing that would tell what a survivor disclosed.
 */
export const CASE_WORK_STREAM = 'case-work';

/** The aggregate every case-work event belongs to. */
export const CASE_AGGREGATE = 'case';

export const countryCodeSchema = z.string().regex(/^[A-Z]{2}$/);
export const instantSchema = z.iso.datetime({ offset: true });
