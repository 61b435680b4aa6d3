import type { Attr, Evidence, Model } from '../attr.js';

/** One container of a task definition. */
export interface EcsContainer {
  /** Its `name`, or its position (`#1`) when it has none. */
  readonly label: string;
  /** Root on the host with every capability; off by default. */
  readonly privileged: Attr<boolean>;
  readonly at: Evidence;
}

/** An ECS task definition (`aws_ecs_task_definition`, `AWS::ECS::TaskDefinition`). */
export interface EcsTaskDefinition extends Model {
  readonly family: Attr<string>;
  /**
   * `awsvpc`, `bridge`, `host` or `none`. Left out, Linux tasks on EC2 use `bridge` (Fargate
   * requires `awsvpc`, so it is always written there).
   */
  readonly networkMode: Attr<string>;
  /** Unknown when the container definitions are not known before deployment. */
  readonly containers: Attr<readonly EcsContainer[]>;
}
