{{- define "cairn.name" -}}cairn-controller{{- end -}}
{{- define "cairn.image" -}}{{ .Values.image.repository }}:{{ default .Chart.AppVersion .Values.image.tag }}{{- end -}}
