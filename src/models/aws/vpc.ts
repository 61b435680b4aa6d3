import type { Attr, Model } from '../attr.js';

/** A VPC (`aws_vpc`, `aws_default_vpc`, `AWS::EC2::VPC`) and the flow logs attached to it. */
export interface Vpc extends Model {
  /** `true` when a flow log (`aws_flow_log` `vpc_id`, `AWS::EC2::FlowLog` with `ResourceType: VPC`) names this VPC. */
  readonly flowLogs: Attr<boolean>;
}
