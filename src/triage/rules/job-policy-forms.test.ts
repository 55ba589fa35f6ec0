// Issue 14, eighth round: the Job controller's other failure conditions (kubernetes/kubernetes
// pkg/controller/job/pod_failure_policy.go and job_controller.go), beside BackoffLimitExceeded and DeadlineExceeded.
import { describe, expect, it } from 'vitest';
import { diagnoseShape } from './documented-forms.test-kit.js';

describe("the Job controller's failure conditions", () => {
  // pod_failure_policy.go: "Container %s for pod %s/%s failed with exit code %v matching %v rule at index %d"; quoted
  // in the Kubernetes docs task "Handling retriable and non-retriable pod failures with Pod failure policy" (the dev
  // case kubernetes-website-pod-failure-policy).
  it('a container exit code that matched a FailJob rule of the podFailurePolicy', async () => {
    const d = await diagnoseShape({
      phase: 'deploy',
      output:
        'Container main for pod default/job-pod-failure-policy-failjob-8ckj8 failed with exit code 42 matching FailJob rule at index 0',
    });
    expect(d.top).toBe('job-failed');
    expect(d.confidence).toBeCloseTo(0.8);
  });

  // pod_failure_policy.go: "Pod %s/%s has condition %v matching %v rule at index %d".
  it('a pod condition that matched a FailJob rule', async () => {
    const d = await diagnoseShape({
      phase: 'deploy',
      output: 'Pod default/job-x-4kq7w has condition DisruptionTarget matching FailJob rule at index 1',
    });
    expect(d.top).toBe('job-failed');
  });

  // job_controller.go: newFailureCondition(JobReasonMaxFailedIndexesExceeded, "Job has exceeded the specified maximal
  // number of failed indexes") and (JobReasonFailedIndexes, "Job has failed indexes").
  it('an indexed Job with failed indexes', async () => {
    for (const output of [
      'Job has exceeded the specified maximal number of failed indexes',
      'Job has failed indexes',
    ]) {
      const d = await diagnoseShape({ phase: 'deploy', output });
      expect(d.top).toBe('job-failed');
      expect(d.summary).toMatch(/backoffLimitPerIndex/);
    }
  });

  it('near miss: a manifest that merely declares a podFailurePolicy and a FailJob action', async () => {
    const d = await diagnoseShape({
      phase: 'deploy',
      output:
        'error: error validating "job.yaml": error validating data: ValidationError(Job.spec.podFailurePolicy.rules[0]): missing required field "action"; action: FailJob',
    });
    expect(d.of('job-failed')).toBe(0);
  });
});
