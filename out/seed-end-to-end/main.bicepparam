using 'main.bicep'

param _artifactsLocation = 'https://stautomationartifacts.blob.core.windows.net/armgen/seed-end-to-end/'
