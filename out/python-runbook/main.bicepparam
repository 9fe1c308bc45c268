using 'main.bicep'

param _artifactsLocation = 'https://stautomationartifacts.blob.core.windows.net/armgen/python-runbook/'
