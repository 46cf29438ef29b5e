// Job descriptions per role: the current versions, my own and its acknowledgement, publishing.
import type { z } from 'zod';
import type {
  jobDescription,
  jobDescriptionBody,
  myJobDescription,
} from '../../../src/contracts/job-descriptions.ts';
import { get, id, type Page, post } from './client';

export type JobDescription = z.output<typeof jobDescription>;
export type NewJobDescription = z.input<typeof jobDescriptionBody>;
export type MyJobDescription = z.output<typeof myJobDescription>;

export const jobDescriptionsApi = {
  current: () => get<Page<JobDescription>>('/job-descriptions'),
  mine: () => get<MyJobDescription>('/job-descriptions/mine'),
  versions: (role: string) => get<Page<JobDescription>>(`/roles/${id(role)}/job-descriptions`),
  publish: (body: NewJobDescription) => post<JobDescription>('/job-descriptions', body),
  acknowledge: (jobDescriptionId: string) =>
    post<MyJobDescription>(`/job-descriptions/${id(jobDescriptionId)}/acknowledge`),
};
