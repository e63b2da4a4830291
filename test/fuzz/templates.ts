/** Templates around a definition: CloudFormation, SAM, Serverless, Terraform, and their check. */
import { stringify as yamlStringify } from 'yaml';
import type { StateMachineType } from '../../src/index.js';
import { lintFile } from '../../src/lint-file.js';
import { toJson, plain, type Gen, type Obj, type Val } from './generators.js';
import { diagnosticProblems, timed } from './invariants.js';

// ---------------------------------------------------------------------------------------------
// Templates around a definition

export interface TemplateCase {
  fileName: string;
  text: string;
  /** The text a DefinitionUri or file() reference reads. */
  files?: Record<string, string>;
}

function indentBlock(s: string, pad: string): string {
  return s
    .split('\n')
    .map((l) => pad + l)
    .join('\n');
}

export function templates(value: Val, defJson: string, defYaml: string, g: Gen): TemplateCase {
  const r = g.r;
  const cfn = (props: Obj): Obj => ({
    AWSTemplateFormatVersion: '2010-09-09',
    Resources: { Fn: { Type: 'AWS::Lambda::Function' }, Machine: { Type: r.pick(['AWS::StepFunctions::StateMachine', 'AWS::Serverless::StateMachine']), Properties: props } },
  });
  const subs: Obj = { X: 'x', Fn: 'arn:aws:lambda:us-east-1:123456789012:function:f', T: r.pick([1, true, 'y', null, []]) };
  switch (r.int(9)) {
    case 0:
      return { fileName: 'template.json', text: toJson(cfn({ Definition: value, DefinitionSubstitutions: subs }), r.pick(['', '  '])) };
    case 1:
      return { fileName: 'template.json', text: toJson(cfn({ DefinitionString: defJson, DefinitionSubstitutions: subs }), '  ') };
    case 2:
      return { fileName: 'template.json', text: toJson(cfn({ DefinitionString: { 'Fn::Sub': r.chance(0.5) ? defJson : [defJson, { X: 'x', Y: { Ref: 'Fn' } }] } }), '  ') };
    case 3: {
      // Fn::Join pieces, cut at random places, with intrinsics in between.
      const parts: Val[] = [];
      let rest = defJson;
      while (rest.length) {
        const cut = 1 + r.int(Math.min(rest.length, 400));
        parts.push(rest.slice(0, cut));
        rest = rest.slice(cut);
        if (r.chance(0.3)) parts.push(r.pick<Val>([{ 'Fn::GetAtt': ['Fn', 'Arn'] }, { Ref: 'AWS::Region' }, { 'Fn::Sub': '${X}' }, 7, null, ['x']]));
      }
      return { fileName: 'template.json', text: toJson(cfn({ DefinitionString: { 'Fn::Join': [r.pick<Val>(['', ',', 5]), parts] } }), '  ') };
    }
    case 4: {
      const props: Obj = r.chance(0.5) ? { Definition: plain(value) as Val } : { DefinitionUri: 'statemachine/flow.asl.json', DefinitionSubstitutions: subs };
      return { fileName: 'template.yaml', text: yamlStringify({ Transform: 'AWS::Serverless-2016-10-31', ...cfn(props) }), files: { 'statemachine/flow.asl.json': defJson } };
    }
    case 5: {
      // Short-form tags and a block scalar.
      const tag = r.pick(['!Sub', '!Join', '']);
      const body = tag === '!Join' ? `!Join\n        - ""\n        - - |\n${indentBlock(defJson, '            ')}\n          - !GetAtt Fn.Arn` : `${tag} |\n${indentBlock(defJson, '        ')}`;
      return { fileName: 'template.yml', text: `Resources:\n  Machine:\n    Type: AWS::StepFunctions::StateMachine\n    Properties:\n      DefinitionString: ${body}\n` };
    }
    case 6: {
      const def = r.chance(0.7) ? `\n${indentBlock(defYaml, '        ')}` : ` ${JSON.stringify(defJson)}`;
      return { fileName: 'serverless.yml', text: `service: fuzz\nprovider:\n  name: aws\nstepFunctions:\n  stateMachines:\n    machine:\n      definition:${def}\n` };
    }
    case 7: {
      const dash = r.chance(0.5);
      const body = (dash ? indentBlock(defJson, '    ') : defJson).replace(/\$\{/g, () => (r.chance(0.5) ? '$${' : '${'));
      return { fileName: 'main.tf', text: `resource "aws_sfn_state_machine" "sfn" {\n  name = "x"\n  definition = <<${dash ? '-' : ''}EOF\n${body}\nEOF\n}\n` };
    }
    default:
      return {
        fileName: 'main.tf',
        text: `resource "aws_sfn_state_machine" "sfn" {\n  definition = templatefile("\${path.module}/flow.asl.json", { Fn = "arn:aws:lambda:us-east-1:123456789012:function:f", X = "x" })\n}\n`,
        files: { 'flow.asl.json': defJson },
      };
  }
}

export function checkTemplate(t: TemplateCase, type: StateMachineType, problems: string[]): void {
  const readFile = (p: string): string => {
    for (const [name, body] of Object.entries(t.files ?? {})) if (p.endsWith(name)) return body;
    throw Object.assign(new Error(`ENOENT: ${p}`), { code: 'ENOENT' });
  };
  const files = timed(`lintFile(${t.fileName})`, t.text, problems, () => lintFile(t.text, `/fuzz/${t.fileName}`, { type, readFile }));
  if (!files) return;
  for (const f of files) {
    problems.push(...diagnosticProblems(f.diagnostics, f.text, `lintFile(${t.fileName} -> ${f.filePath})`));
    if ((f.result === 'FAIL') !== f.diagnostics.some((d) => d.severity === 'ERROR')) problems.push(`lintFile: result ${f.result} disagrees with its diagnostics`);
  }
}
