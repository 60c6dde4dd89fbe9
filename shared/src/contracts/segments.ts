// A negotiation's schedule: its sessions and segments with their access levels, the viewer's
// horizon when a segment excludes them, and the chair's commands to schedule, open, close and
// release.
import { z } from 'zod';
import { timeZoneSchema } from '../process/commands.js';
import { segmentAccessSchema } from '../segments/events.js';
import { entityIdSchema, labelText } from '../schema.js';
import {
  commandDoneSchema,
  createdSchema,
  logPositionSchema,
  negotiationParams,
} from './common.js';
import { defineEndpoint } from './endpoint.js';

export const segmentViewSchema = z.object({
  segmentId: z.string(),
  sessionId: z.string(),
  title: z.string(),
  access: segmentAccessSchema,
  openedAt: z.string(),
  closedAt: z.string().nullable(),
  releasedAt: z.string().nullable(),
  /** Whether the viewer's role may follow this segment. */
  admitsViewer: z.boolean(),
});
export type SegmentView = z.infer<typeof segmentViewSchema>;

export const sessionViewSchema = z.object({
  sessionId: z.string(),
  title: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  timeZone: z.string(),
  segments: z.array(segmentViewSchema),
});
export type SessionView = z.infer<typeof sessionViewSchema>;

/** Where the viewer's reading stops, and why; absent when they read everything. */
export const horizonViewSchema = z.object({
  /** Read everything `asOf=position:<position>`: the log just before the segment opened. */
  position: logPositionSchema,
  segmentId: z.string(),
  segmentTitle: z.string(),
  since: z.string(),
  /** While the segment runs the viewer may not act; once closed they wait for its release. */
  segmentOpen: z.boolean(),
});
export type HorizonView = z.infer<typeof horizonViewSchema>;

export const scheduleViewSchema = z.object({
  negotiationId: z.string(),
  sessions: z.array(sessionViewSchema),
  /** The segment under way, if any. */
  openSegment: segmentViewSchema.nullable(),
  horizon: horizonViewSchema.nullable(),
});
export type ScheduleView = z.infer<typeof scheduleViewSchema>;

const segmentParams = z.object({ negotiationId: entityIdSchema, segmentId: entityIdSchema });

export const segmentContracts = {
  getSchedule: defineEndpoint({
    method: 'get',
    path: '/negotiations/:negotiationId/schedule',
    params: negotiationParams,
    response: scheduleViewSchema,
  }),
  scheduleSession: defineEndpoint({
    method: 'post',
    path: '/negotiations/:negotiationId/sessions',
    params: negotiationParams,
    body: z.strictObject({
      title: labelText(200),
      startsOn: z.iso.date(),
      endsOn: z.iso.date(),
      timeZone: timeZoneSchema,
    }),
    status: 201,
    response: createdSchema('sessionId'),
  }),
  openSegment: defineEndpoint({
    method: 'post',
    path: '/negotiations/:negotiationId/segments',
    params: negotiationParams,
    body: z.strictObject({
      sessionId: entityIdSchema,
      title: labelText(200),
      access: segmentAccessSchema,
    }),
    status: 201,
    response: createdSchema('segmentId'),
  }),
  closeSegment: defineEndpoint({
    method: 'post',
    path: '/negotiations/:negotiationId/segments/:segmentId/close',
    params: segmentParams,
    response: commandDoneSchema,
  }),
  releaseSegment: defineEndpoint({
    method: 'post',
    path: '/negotiations/:negotiationId/segments/:segmentId/release',
    params: segmentParams,
    response: commandDoneSchema,
  }),
};
