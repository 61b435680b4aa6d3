// The entry point Pulumi runs for `pulumi preview --policy-pack <this folder>`. Constructing the
// PolicyPack starts the analyzer that the Pulumi engine talks to; sekisho/crossguard supplies the
// policies. The language of the messages follows LANG (`LANG=ja_JP.UTF-8` for Japanese).
import { PolicyPack } from '@pulumi/policy';
import { sekishoPolicyPack } from 'sekisho/crossguard';

new PolicyPack('sekisho', sekishoPolicyPack());
