{{/*
launch-agent.validate: the checks of render/values_rules.cc that JSON Schema cannot express
(values.schema.json holds the rest). Each fails the render with the rule's message.
*/}}
{{- define "launch-agent.validate" -}}
{{- include "launch-agent.validateRelease" . -}}
{{- include "launch-agent.validateLaunchConfig" . -}}
{{- include "launch-agent.validateReserved" . -}}
{{- include "launch-agent.validateCaBundle" . -}}
{{- end -}}

{{/* The pod label app=launch-agent-RELEASE may have at most 63 characters. */}}
{{- define "launch-agent.validateRelease" -}}
{{- $app := include "launch-agent.deploymentName" . -}}
{{- if gt (len $app) 63 -}}
{{- fail (printf "release name %q is too long: the pod label app=%s has %d characters, more than the 63 allowed (the release name may have at most 50 characters)" .Release.Name $app (len $app)) -}}
{{- end -}}
{{- end -}}

{{- define "launch-agent.validateLaunchConfig" -}}
{{- $config := .Values.launchConfig -}}
{{- if kindIs "map" $config -}}
{{- fail "launchConfig must be a string holding the launch agent config file, got a mapping: write \"launchConfig: |\" and indent the config below it" -}}
{{- end -}}
{{- if eq (trim (include "launch-agent.text" $config)) "" -}}
{{- fail "launchConfig is required: set it to the contents of your launch agent config file" -}}
{{- end -}}
{{- end -}}

{{- define "launch-agent.validateReserved" -}}
{{- if hasKey (.Values.agent.labels | default dict) "app" -}}
{{- fail (printf "agent.labels.app is reserved: the pod's app label is the Deployment selector (app=%s)" (include "launch-agent.deploymentName" .)) -}}
{{- end -}}
{{- range list "checksum/config" "checksum/secret" -}}
{{- if hasKey ($.Values.agent.podAnnotations | default dict) . -}}
{{- fail (printf "agent.podAnnotations.%s is reserved: the chart sets it" .) -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "launch-agent.validateCaBundle" -}}
{{- $cm := .Values.customCABundle.configMap -}}
{{- $name := include "launch-agent.isSet" $cm.name -}}
{{- $key := include "launch-agent.isSet" $cm.key -}}
{{- if and $name (not $key) -}}
{{- fail "customCABundle.configMap.name is set but customCABundle.configMap.key is not; the CA bundle needs both" -}}
{{- end -}}
{{- if and $key (not $name) -}}
{{- fail "customCABundle.configMap.key is set but customCABundle.configMap.name is not; the CA bundle needs both" -}}
{{- end -}}
{{- end -}}
