import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A token-signing key pair; the private half is sealed with the node's secret box. */
@Entity({ name: 'signing_key' })
export class SigningKeyEntity {
  @PrimaryColumn('text')
  kid: string;

  @Column({ name: 'public_jwk', type: 'jsonb' })
  publicJwk: Record<string, string>;

  @Column({ name: 'private_jwk', type: 'text' })
  privateJwk: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'retired_at', type: 'timestamptz', nullable: true })
  retiredAt: Date | null;
}
