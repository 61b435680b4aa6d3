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

/**
 * What runs tasks with a network configuration: an ECS service (`aws_ecs_service`,
 * `AWS::ECS::Service`) or a task set of a service with an external deployment controller
 * (`aws_ecs_task_set`, `AWS::ECS::TaskSet`).
 */
export interface EcsService extends Model {
  readonly runs: 'service' | 'task-set';
  /** The service's name; task sets have none. */
  readonly name: Attr<string>;
  /**
   * Whether each task's network interface gets a public IP address (`assign_public_ip`,
   * `AssignPublicIp: ENABLED`); off by default. Only awsvpc tasks on Fargate can have one.
   */
  readonly assignPublicIp: Attr<boolean>;
}
