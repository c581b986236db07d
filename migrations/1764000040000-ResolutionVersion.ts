import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Resolutions are corrected with updateResolution and deleted with deleteResolution, both
 * compare-and-set: each resolution gets a version (1 for those already recorded) and the time of
 * its last change, as the other versioned tables have.
 */
export class ResolutionVersion1764000040000 implements MigrationInterface {
  name = 'ResolutionVersion1764000040000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE resolutions
        ADD COLUMN version integer NOT NULL DEFAULT 1,
        ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE resolutions DROP COLUMN updated_at, DROP COLUMN version;`);
  }
}
