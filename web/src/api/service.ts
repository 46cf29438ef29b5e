// Typed calls for complaints, returns, surveys and the customer workspace. The shapes are the
// server's zod contracts, imported as types only.
import type { z } from 'zod';
import type {
  complaintDetail,
  complaintMessageBody,
  complaintQuery,
  complaintSummary,
  customerView,
  publicComplaintBody,
  receiveReturnBody,
  refundBody,
  resolveComplaintBody,
  returnPage,
  returnRequest,
  surveyAnswerBody,
  surveyResults,
  surveyView,
} from '../../../src/contracts/aftersales.ts';
import { get, id, type Page, type PageParams, post } from './client';

export type Complaint = z.output<typeof complaintSummary>;
export type ComplaintDetail = z.output<typeof complaintDetail>;
export type ComplaintFilter = Pick<z.input<typeof complaintQuery>, 'status' | 'isBreached'>;
export type ReturnSummary = z.output<typeof returnPage>['items'][number];
export type ReturnRequest = z.output<typeof returnRequest>;
export type SurveyResults = z.output<typeof surveyResults>;
export type CustomerView = z.output<typeof customerView>;
export type SurveyView = z.output<typeof surveyView>;

export const serviceApi = {
  complaints: {
    list: (params: PageParams & ComplaintFilter) => get<Page<Complaint>>('/complaints', params),
    get: (complaintId: string) => get<ComplaintDetail>(`/complaints/${id(complaintId)}`),
    addMessage: (complaintId: string, body: z.input<typeof complaintMessageBody>) =>
      post<{ messageId: string; complaint: ComplaintDetail }>(
        `/complaints/${id(complaintId)}/messages`,
        body,
      ),
    resolve: (complaintId: string, body: z.input<typeof resolveComplaintBody>) =>
      post<ComplaintDetail>(`/complaints/${id(complaintId)}/resolve`, body),
    /** The customer's own complaint from the /track page: the lookup's number and contact as proof. */
    file: (body: z.input<typeof publicComplaintBody>) =>
      post<{ id: string; status: string }>('/public/complaints', body),
    rate: (token: string, rating: number) =>
      post<{ rating: number }>(`/public/complaint-ratings/${id(token)}`, { rating }),
  },
  returns: {
    list: (params: PageParams & { status?: string }) => get<Page<ReturnSummary>>('/returns', params),
    get: (returnId: string) => get<ReturnRequest>(`/returns/${id(returnId)}`),
    decide: (returnId: string, approve: boolean) =>
      post<ReturnRequest>(`/returns/${id(returnId)}/decision`, { approve }),
    receive: (returnId: string, body: z.input<typeof receiveReturnBody>) =>
      post<ReturnRequest>(`/returns/${id(returnId)}/receive`, body),
    refund: (returnId: string, body: z.input<typeof refundBody>) =>
      post<ReturnRequest>(`/returns/${id(returnId)}/refund`, body),
  },
  surveys: {
    results: () => get<SurveyResults>('/surveys/results'),
    view: (token: string) => get<SurveyView>(`/public/surveys/${id(token)}`),
    answer: (token: string, body: z.input<typeof surveyAnswerBody>) =>
      post<{ isAnswered: boolean }>(`/public/surveys/${id(token)}`, body),
  },
  customers: { find: (q: string) => get<CustomerView>('/customers', { q }) },
};
