import type { Attr, Model } from '../attr.js';

/** An EFS file system (`aws_efs_file_system`, `AWS::EFS::FileSystem`). */
export interface EfsFileSystem extends Model {
  readonly name: Attr<string>;
  /** Chosen at creation only; the API creates an unencrypted file system unless asked. */
  readonly encrypted: Attr<boolean>;
  readonly kmsKeyId: Attr<string>;
}
