// Training: courses and their quizzes, role requirements, sessions, my record.
import type { z } from 'zod';
import type {
  attempt,
  course,
  courseBody,
  requirementBody,
  requirementList,
  session,
  sessionBody,
  trainingRecord,
} from '../../../src/contracts/training.ts';
import { get, id, type Page, post, put } from './client';

export type Course = z.output<typeof course>;
export type NewCourse = z.input<typeof courseBody>;
export type Requirement = z.output<typeof requirementList>['items'][number];
export type Session = z.output<typeof session>;
export type Attempt = z.output<typeof attempt>;
export type TrainingRecord = z.output<typeof trainingRecord>;

export const trainingApi = {
  courses: () => get<Page<Course>>('/training/courses'),
  createCourse: (body: NewCourse) => post<Course>('/training/courses', body),
  takeQuiz: (courseId: string, answers: number[]) =>
    post<Attempt>(`/training/courses/${id(courseId)}/attempts`, { answers }),
  requirements: () => get<Page<Requirement>>('/training/requirements'),
  setRequirement: (body: z.input<typeof requirementBody>) => put<Requirement>('/training/requirements', body),
  sessions: () => get<Page<Session>>('/training/sessions'),
  scheduleSession: (body: z.input<typeof sessionBody>) => post<Session>('/training/sessions', body),
  recordAttendance: (sessionId: string, usernames: string[]) =>
    post<Session>(`/training/sessions/${id(sessionId)}/attendance`, { usernames }),
  mine: () => get<TrainingRecord>('/training/mine'),
};
