import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * The only place the national number lives. Everything else (workflows, read model, logs)
 * knows the person by the pseudonymous `id`.
 */
@Entity('insured_person')
export class InsuredPersonEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'national_number', type: 'varchar', length: 11, unique: true })
  nationalNumber!: string;

  @Column({ type: 'varchar', length: 2 })
  language!: string;

  @Column({ name: 'postal_code', type: 'varchar', length: 4 })
  postalCode!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
