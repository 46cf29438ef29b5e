import type { Executor } from '../../platform/db/database.ts';
import type { NewRow } from '../../platform/db/schema.ts';

/** SQL for job descriptions and their acknowledgements. */
export const jobDescriptionsRepository = {
  latestVersion(db: Executor, role: string) {
    return db
      .selectFrom('job_descriptions')
      .selectAll()
      .where('role', '=', role)
      .orderBy('version', 'desc')
      .limit(1)
      .executeTakeFirst();
  },
  listVersions(db: Executor, role: string) {
    return db
      .selectFrom('job_descriptions')
      .selectAll()
      .where('role', '=', role)
      .orderBy('version', 'desc')
      .execute();
  },
  findById(db: Executor, id: string) {
    return db.selectFrom('job_descriptions').selectAll().where('id', '=', id).executeTakeFirst();
  },
  insert(db: Executor, row: NewRow<'job_descriptions'>) {
    return db.insertInto('job_descriptions').values(row).execute();
  },
  findAcknowledgement(db: Executor, jobDescriptionId: string, userId: string) {
    return db
      .selectFrom('job_description_acknowledgements')
      .selectAll()
      .where('job_description_id', '=', jobDescriptionId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
  },
  insertAcknowledgement(db: Executor, row: NewRow<'job_description_acknowledgements'>) {
    return db
      .insertInto('job_description_acknowledgements')
      .values(row)
      .onConflict((oc) => oc.columns(['job_description_id', 'user_id']).doNothing())
      .execute();
  },
  listAcknowledgements(db: Executor, jobDescriptionId: string) {
    return db
      .selectFrom('job_description_acknowledgements')
      .selectAll()
      .where('job_description_id', '=', jobDescriptionId)
      .orderBy('acknowledged_at')
      .execute();
  },
};
