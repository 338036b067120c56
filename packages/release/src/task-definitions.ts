// Task definition revisions: the latest of a family, re-registered with another image (a release)
// or as it was (a rollback of the families that have no service: scheduled and one-shot tasks).
import { DescribeTaskDefinitionCommand, RegisterTaskDefinitionCommand, type ECSClient, type RegisterTaskDefinitionCommandInput, type Tag, type TaskDefinition } from '@aws-sdk/client-ecs';

export interface Revision {
  definition: TaskDefinition;
  tags: Tag[];
}

/** The latest ACTIVE revision of a family (or a given revision ARN), with its tags. */
export async function describeRevision(ecs: ECSClient, familyOrArn: string): Promise<Revision> {
  const out = await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: familyOrArn, include: ['TAGS'] }));
  if (out.taskDefinition === undefined) throw new Error(`no task definition ${familyOrArn}`);
  return { definition: out.taskDefinition, tags: out.tags ?? [] };
}

/** Registers `revision` again as the family's newest, its `container` running `image` when given; returns the new ARN. */
export async function registerRevision(ecs: ECSClient, revision: Revision, change?: { container: string; image: string }): Promise<string> {
  // What DescribeTaskDefinition reports but RegisterTaskDefinition does not take.
  const { taskDefinitionArn, revision: _number, status, requiresAttributes, compatibilities, registeredAt, registeredBy, deregisteredAt, deleteRequestedAt, ...input } = revision.definition;
  const containers = (input.containerDefinitions ?? []).map((container) => {
    if (change === undefined || container.name !== change.container) return container;
    return { ...container, image: change.image };
  });
  if (change !== undefined && !containers.some((c) => c.name === change.container)) {
    throw new Error(`${taskDefinitionArn ?? input.family ?? '?'} has no container named ${change.container}`);
  }
  const request: RegisterTaskDefinitionCommandInput = { ...input, family: input.family, containerDefinitions: containers, ...(revision.tags.length > 0 ? { tags: revision.tags } : {}) };
  const out = await ecs.send(new RegisterTaskDefinitionCommand(request));
  const arn = out.taskDefinition?.taskDefinitionArn;
  if (arn === undefined) throw new Error(`registering ${input.family ?? '?'} returned no ARN`);
  return arn;
}
