// Commands on a `schedule-<negotiationId>` stream: the chair schedules sessions and opens,
// closes and releases their segments.
import { z } from 'zod';
import type { CommandOf, CommandsOf } from '../messages.js';
import { timeZoneSchema } from '../process/commands.js';
import { entityIdSchema, labelText } from '../schema.js';
import { segmentAccessSchema } from './events.js';

export const scheduleSessionSchema = z.strictObject({
  negotiationId: entityIdSchema,
  sessionId: entityIdSchema,
  title: labelText(200),
  startsOn: z.iso.date(),
  endsOn: z.iso.date(),
  timeZone: timeZoneSchema,
});

export const openSegmentSchema = z.strictObject({
  negotiationId: entityIdSchema,
  segmentId: entityIdSchema,
  sessionId: entityIdSchema,
  title: labelText(200),
  access: segmentAccessSchema,
});

export const closeSegmentSchema = z.strictObject({
  negotiationId: entityIdSchema,
  segmentId: entityIdSchema,
});

export const releaseSegmentSchema = z.strictObject({
  negotiationId: entityIdSchema,
  segmentId: entityIdSchema,
});

export const segmentsCommandSchemas = {
  ScheduleSession: scheduleSessionSchema,
  OpenSegment: openSegmentSchema,
  CloseSegment: closeSegmentSchema,
  ReleaseSegment: releaseSegmentSchema,
} as const;

export type SegmentsCommand = CommandsOf<typeof segmentsCommandSchemas>;
export type ScheduleSession = CommandOf<SegmentsCommand, 'ScheduleSession'>;
export type OpenSegment = CommandOf<SegmentsCommand, 'OpenSegment'>;
export type CloseSegment = CommandOf<SegmentsCommand, 'CloseSegment'>;
export type ReleaseSegment = CommandOf<SegmentsCommand, 'ReleaseSegment'>;
