{{/*
The ConfigMaps and Secrets, defined once: the templates print them and the checksum helpers
hash them. Order matters for the checksums and is the binary's (render/build_bundle.cc).
*/}}

{{/* launch-config.yaml: an empty first line, then the config with one trailing newline. */}}
{{- define "launch-agent.launchConfigText" -}}
{{- $config := include "launch-agent.text" .Values.launchConfig -}}
{{- printf "\n%s\n" (regexReplaceAll "\n[ \t\r\n]*$" $config "") -}}
{{- end -}}

{{- define "launch-agent.configMap" -}}
apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ include "launch-agent.configMapName" . }}
  namespace: {{ include "launch-agent.namespace" . }}
data:
  wandb-base-url: {{ include "launch-agent.quoted" .Values.baseUrl }}
  launch-config.yaml: {{ include "launch-agent.launchConfigText" . | quote }}
{{- end -}}

{{- define "launch-agent.sshConfigMap" -}}
apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ include "launch-agent.sshConfigMapName" . }}
  namespace: {{ include "launch-agent.namespace" . }}
data:
  config: |
    {{- range $index, $secret := .Values.sshAuthSecrets }}
    Host {{ include "launch-agent.text" $secret.host }}
      IdentityFile /home/launch_agent/.ssh/id_repo{{ $index }}
      IdentitiesOnly yes
      StrictHostKeyChecking no
      UserKnownHostsFile /dev/null
    {{- end }}
{{- end -}}

{{/* The API-key Secret in one namespace; called with (list $ namespace). */}}
{{- define "launch-agent.apiKeySecret" -}}
{{- $root := index . 0 -}}
apiVersion: v1
kind: Secret
metadata:
  name: {{ include "launch-agent.apiKeySecretName" $root }}
  namespace: {{ index . 1 | quote }}
  labels:
    wandb.ai/created-by: helm-chart
type: kubernetes.io/basic-auth
stringData:
  password: {{ required "agent.apiKey is required: set it to a W&B API key, or set agent.useExternalWandbSecret: true and create the Secret yourself" (include "launch-agent.text" $root.Values.agent.apiKey) | quote }}
{{- end -}}

{{- define "launch-agent.gitCredsSecret" -}}
apiVersion: v1
kind: Secret
metadata:
  name: git-creds
  namespace: {{ include "launch-agent.namespace" . }}
type: Opaque
stringData:
  .git-credentials: {{ include "launch-agent.quoted" .Values.gitCreds }}
  .gitconfig: |
    [credential]
      helper = store
{{- end -}}

{{/* Kept in namespace wandb, where the SDK reads it (chart-defects #3). */}}
{{- define "launch-agent.azureSecret" -}}
apiVersion: v1
kind: Secret
metadata:
  name: azure-storage-access-key
  namespace: wandb
type: kubernetes.io/basic-auth
stringData:
  password: {{ include "launch-agent.quoted" .Values.azureStorageAccessKey }}
{{- end -}}

{{/* In the agent namespace, where the pod reads it (upstream: always wandb). */}}
{{- define "launch-agent.secretEnvVarsSecret" -}}
apiVersion: v1
kind: Secret
metadata:
  name: launch-agent-secret-env-vars
  namespace: {{ include "launch-agent.namespace" . }}
type: Opaque
data:
  {{- range .Values.additionalSecretEnvVars }}
  {{ include "launch-agent.quoted" .name }}: {{ include "launch-agent.text" .value | b64enc | quote }}
  {{- end }}
{{- end -}}

{{/*
launch-agent.object: a definition above read back as an object; called with (list NAME
CONTEXT). It is read with the line break that follows it where a template prints it, so a
literal block that ends the definition keeps its final newline.
*/}}
{{- define "launch-agent.object" -}}
{{- printf "%s\n" (include (index . 0) (index . 1)) | fromYaml | toJson -}}
{{- end -}}

{{/* Every ConfigMap, in order, as a JSON list of objects. */}}
{{- define "launch-agent.configMaps" -}}
{{- $all := list (include "launch-agent.object" (list "launch-agent.configMap" .) | fromJson) -}}
{{- if .Values.sshAuthSecrets -}}
{{- $all = append $all (include "launch-agent.object" (list "launch-agent.sshConfigMap" .) | fromJson) -}}
{{- end -}}
{{- toJson $all -}}
{{- end -}}

{{/* Every Secret, in order, as a JSON list of objects. */}}
{{- define "launch-agent.secrets" -}}
{{- $root := . -}}
{{- $all := list -}}
{{- if include "launch-agent.apiKeySecrets" . -}}
{{- range include "launch-agent.targetNamespaces" . | fromJsonArray -}}
{{- $all = append $all (include "launch-agent.object" (list "launch-agent.apiKeySecret" (list $root .)) | fromJson) -}}
{{- end -}}
{{- end -}}
{{- if include "launch-agent.isSet" .Values.gitCreds -}}
{{- $all = append $all (include "launch-agent.object" (list "launch-agent.gitCredsSecret" .) | fromJson) -}}
{{- end -}}
{{- if include "launch-agent.isSet" .Values.azureStorageAccessKey -}}
{{- $all = append $all (include "launch-agent.object" (list "launch-agent.azureSecret" .) | fromJson) -}}
{{- end -}}
{{- if .Values.additionalSecretEnvVars -}}
{{- $all = append $all (include "launch-agent.object" (list "launch-agent.secretEnvVarsSecret" .) | fromJson) -}}
{{- end -}}
{{- toJson $all -}}
{{- end -}}

{{/*
Checksums (README "Checksums"): sha256 of the JSON list of every ConfigMap / Secret, so the
pod restarts exactly when one of them changes.
*/}}
{{- define "launch-agent.configChecksum" -}}
{{- include "launch-agent.configMaps" . | sha256sum -}}
{{- end -}}
{{- define "launch-agent.secretChecksum" -}}
{{- include "launch-agent.secrets" . | sha256sum -}}
{{- end -}}
