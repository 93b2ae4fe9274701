{{/*
Helpers shared by every template. The binary (render/) builds the same objects; the parity
test (tests/parity) proves that `helm template` and `launch-render` agree.
*/}}

{{/*
launch-agent.text: a values scalar as the text of a Kubernetes string field, the way
render/scalar_text.cc prints it: strings as written, booleans true/false, null "", integral
numbers as integers (helm reads every number as a float64, so 1e3 is 1000 and 10000000 is
10000000, never 1e+07), other numbers in Go's shortest form.
*/}}
{{- define "launch-agent.text" -}}
{{- $v := . -}}
{{- if kindIs "invalid" $v -}}
{{- else if kindIs "float64" $v -}}
{{- if and (eq (floor $v) $v) (le $v 9007199254740992.0) (ge $v -9007199254740992.0) -}}
{{- int64 $v -}}
{{- else -}}
{{- $v -}}
{{- end -}}
{{- else -}}
{{- $v -}}
{{- end -}}
{{- end -}}

{{/* launch-agent.quoted: launch-agent.text as a double-quoted YAML string. */}}
{{- define "launch-agent.quoted" -}}
{{- include "launch-agent.text" . | quote -}}
{{- end -}}

{{/* launch-agent.stringMap: a map whose values are printed as text, "{}" when empty. */}}
{{- define "launch-agent.stringMap" -}}
{{- if . -}}
{{- range $key, $value := . }}
{{ $key | quote }}: {{ include "launch-agent.quoted" $value }}
{{- end -}}
{{- else -}}
{}
{{- end -}}
{{- end -}}

{{/* Object names derived from the release name (render/bundle_names.h). */}}
{{- define "launch-agent.deploymentName" -}}launch-agent-{{ .Release.Name }}{{- end -}}
{{- define "launch-agent.serviceAccountName" -}}wandb-launch-serviceaccount-{{ .Release.Name }}{{- end -}}
{{- define "launch-agent.apiKeySecretName" -}}wandb-api-key-{{ .Release.Name }}{{- end -}}
{{- define "launch-agent.configMapName" -}}wandb-launch-configmap-{{ .Release.Name }}{{- end -}}
{{- define "launch-agent.sshConfigMapName" -}}ssh-config-{{ .Release.Name }}{{- end -}}
{{- define "launch-agent.clusterRoleName" -}}wandb-job-creator-{{ .Release.Name }}{{- end -}}
{{- define "launch-agent.roleName" -}}wandb-launch-agent-{{ .Release.Name }}{{- end -}}

{{/* launch-agent.namespace: the agent namespace, quoted. */}}
{{- define "launch-agent.namespace" -}}
{{- include "launch-agent.quoted" .Values.namespace -}}
{{- end -}}

{{/*
launch-agent.targetNamespaces: additionalTargetNamespaces plus the agent namespace, each
once, first occurrence first; a JSON list (read it with fromJsonArray).
*/}}
{{- define "launch-agent.targetNamespaces" -}}
{{- $all := list -}}
{{- range .Values.additionalTargetNamespaces -}}
{{- $all = append $all (include "launch-agent.text" .) -}}
{{- end -}}
{{- $all = append $all (include "launch-agent.text" .Values.namespace) -}}
{{- uniq $all | toJson -}}
{{- end -}}

{{/* launch-agent.isSet: "true" when a scalar value prints as non-empty text. */}}
{{- define "launch-agent.isSet" -}}
{{- if ne (include "launch-agent.text" .) "" -}}true{{- end -}}
{{- end -}}

{{/* launch-agent.caBundle: "true" when both customCABundle.configMap name and key are set. */}}
{{- define "launch-agent.caBundle" -}}
{{- $cm := .Values.customCABundle.configMap -}}
{{- if and (include "launch-agent.isSet" $cm.name) (include "launch-agent.isSet" $cm.key) -}}true{{- end -}}
{{- end -}}

{{/* launch-agent.apiKeySecrets: "true" unless agent.useExternalWandbSecret is true. */}}
{{- define "launch-agent.apiKeySecrets" -}}
{{- $external := .Values.agent.useExternalWandbSecret -}}
{{- if not (and (kindIs "bool" $external) $external) -}}true{{- end -}}
{{- end -}}
