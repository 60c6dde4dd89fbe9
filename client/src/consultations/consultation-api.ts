// The consultation endpoints the app calls, typed by the consultation contracts in
// @accord/shared, kept beside the consultation screens (the public page uses the last two).
import {
  consultationContracts as consultations,
  type AnswerInput,
  type ConsultationInput,
} from '@accord/shared';
import { call, fileUrl } from '../api/call.js';

export type {
  ConsultationSummaryView as ConsultationSummary,
  ConsultationSynthesisView as ConsultationSynthesis,
  ConsultationView as Consultation,
  PublicConsultationView as PublicConsultation,
} from '@accord/shared';

export const consultationApi = {
  list: (negotiationId: string) =>
    call(consultations.listConsultations, { params: { negotiationId } }),
  open: (negotiationId: string, body: ConsultationInput) =>
    call(consultations.openConsultation, { params: { negotiationId }, body }),
  get: (consultationId: string) =>
    call(consultations.getConsultation, { params: { consultationId } }),
  answer: (consultationId: string, answers: AnswerInput[]) =>
    call(consultations.answerConsultation, { params: { consultationId }, body: { answers } }),
  close: (consultationId: string, reason: string) =>
    call(consultations.closeConsultation, { params: { consultationId }, body: { reason } }),
  synthesis: (consultationId: string) =>
    call(consultations.consultationSynthesis, { params: { consultationId } }),
  publicView: (token: string) => call(consultations.publicConsultation, { params: { token } }),
  publicAnswer: (token: string, answers: AnswerInput[], website: string) =>
    call(consultations.publicAnswer, { params: { token }, body: { answers, website } }),
};

export const reportUrl = (consultationId: string, format: 'html' | 'pdf' | 'docx') =>
  fileUrl(consultations.consultationReport, { params: { consultationId }, query: { format } });

/** Whether a change notice concerns consultations. */
export const isConsultationNotice = (n: { kind: string; eventType: string }) =>
  n.kind === 'consultation' || n.eventType.startsWith('Consultation');
