import type { Executor } from '../../platform/db/database.ts';
import type { NewRow, Row } from '../../platform/db/schema.ts';

/** The SQL of carriers and their services. */
export const carriersRepository = {
  /** A carrier by its id or its code. */
  findByIdOrCode(db: Executor, ref: string) {
    return db
      .selectFrom('carriers')
      .selectAll()
      .where((eb) => eb.or([eb('id', '=', ref), eb('code', '=', ref)]))
      .executeTakeFirst();
  },

  findById(db: Executor, id: string) {
    return db.selectFrom('carriers').selectAll().where('id', '=', id).executeTakeFirst();
  },

  listAll(db: Executor) {
    return db.selectFrom('carriers').selectAll().orderBy('code').execute();
  },

  /** Every service, or those of one carrier, by code. */
  services(db: Executor, carrierId?: string) {
    let query = db.selectFrom('carrier_services').selectAll();
    if (carrierId) query = query.where('carrier_id', '=', carrierId);
    return query.orderBy('code').execute();
  },

  async insert(tx: Executor, row: NewRow<'carriers'>): Promise<void> {
    await tx.insertInto('carriers').values(row).execute();
  },

  async update(tx: Executor, id: string, set: Partial<Row<'carriers'>>): Promise<void> {
    await tx.updateTable('carriers').set(set).where('id', '=', id).execute();
  },

  /** Adds a service, or replaces the carrier's service of the same code. */
  async saveService(
    tx: Executor,
    key: { id: string; carrierId: string; code: string },
    values: Omit<Row<'carrier_services'>, 'id' | 'carrier_id' | 'code'>,
  ): Promise<void> {
    await tx
      .insertInto('carrier_services')
      .values({ id: key.id, carrier_id: key.carrierId, code: key.code, ...values })
      .onConflict((oc) => oc.columns(['carrier_id', 'code']).doUpdateSet(values))
      .execute();
  },
};
